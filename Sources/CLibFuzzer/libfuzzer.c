// Intentionally empty: SwiftPM needs one source file in a C target; the header is the point.
#include "libfuzzer.h"
