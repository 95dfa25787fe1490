// libgsf: the OLE2 (Compound File) container an Outlook .msg is stored in (read by the
// extraction workers; written by tests that make messages of their own).
#include <gsf/gsf-utils.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-msole.h>
#include <glib-object.h>
