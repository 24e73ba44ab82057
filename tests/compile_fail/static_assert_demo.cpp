// expect: reckon harness self-test
// SPDX-License-Identifier: MIT
//
// The compile-fail harness's own proof: this program must not compile, and the compiler must say
// why with the message above. Each tests/compile_fail/<name>.cpp becomes the CTest test
// compile_fail.<name>; its first line is `// expect: <regex>` (a CMake regular expression)
// matched against the compiler's output, so a case that fails for any other reason (a typo, a
// missing header) does not pass.
#include <reckon/version.hpp>

template <class T>
inline constexpr bool false_v = false;

// A template that may never be instantiated, the usual shape of a readable misuse diagnostic.
template <class T>
void never_instantiate() {
    static_assert(false_v<T>, "reckon harness self-test");
}

int main() {
    never_instantiate<int>();
    return RECKON_VERSION_MAJOR;
}
