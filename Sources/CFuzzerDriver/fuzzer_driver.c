/* Only the header matters: LLVMFuzzerRunDriver comes from libFuzzer. */
#include "fuzzer_driver.h"
