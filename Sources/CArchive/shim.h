// libarchive: the members of ZIP, 7-Zip, tar (plain, gzip, bzip2, xz) and RAR archives.
#include <archive.h>
#include <archive_entry.h>
