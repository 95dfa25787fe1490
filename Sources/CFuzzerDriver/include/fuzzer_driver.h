#ifndef CORPUS_FUZZER_DRIVER_H
#define CORPUS_FUZZER_DRIVER_H
/* libFuzzer's driver (compiler-rt, linked in by -sanitize=fuzzer): runs the fuzzing loop
 * with argv as libFuzzer's own main would, calling `callback` with each input. corpus-fuzz
 * calls it from its Swift main, which SwiftPM links as the program's entry point. */
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
