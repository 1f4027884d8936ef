#ifndef GANGWAY_LIBFUZZER_H
#define GANGWAY_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (LLVM 11 and later), from libclang_rt.fuzzer_no_main. Declared only:
/// scripts/fuzz links the library; a normal build never calls it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
