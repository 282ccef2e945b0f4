# CMake toolchain file for the x86_64-none kit (installed as
# PREFIX/share/x86_64-none/toolchain.cmake; it finds the kit relative to
# itself, so an unpacked or moved kit works too):
#
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=PREFIX/share/x86_64-none/toolchain.cmake
#   cmake --build build && ctest --test-dir build
#
# C and C++ go through x86_64-none-gcc and x86_64-none-g++ (the rules are
# theirs, nothing here repeats them).  X86_64_NONE_SPECS names the board
# and library specs added to every compile and link: the QEMU board unless
# set ("qemu.specs;newlib.specs" for newlib, "" for a board of one's own).
# ctest runs the test programs in QEMU through x86_64-none-run.
# Through ccache, keyed on the kit's identity (not the driver's mtime):
#   CCACHE_COMPILERCHECK='%compiler% --kit-id' cmake ... -DCMAKE_C_COMPILER_LAUNCHER=ccache
# Through sccache, with the identity mixed into its key (docs/farms.md):
#   SCCACHE_C_CUSTOM_CACHE_BUSTER=$(x86_64-none-gcc --kit-id) cmake --build ...
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

get_filename_component(X86_64_NONE_ROOT "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
set(X86_64_NONE_SPECS "qemu.specs" CACHE STRING
    "Specs files for every compile and link (a list; qemu.specs: the QEMU board)")
# try_compile projects read this file again: they need the same specs.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES X86_64_NONE_SPECS)

set(_x86_64_none_bin "${X86_64_NONE_ROOT}/bin")
set(CMAKE_C_COMPILER "${_x86_64_none_bin}/x86_64-none-gcc")
set(CMAKE_CXX_COMPILER "${_x86_64_none_bin}/x86_64-none-g++")
set(CMAKE_ASM_COMPILER "${_x86_64_none_bin}/x86_64-none-gcc")
foreach(_tool AR RANLIB NM OBJCOPY OBJDUMP READELF STRIP)
    string(TOLOWER "${_tool}" _name)
    set(CMAKE_${_tool} "${_x86_64_none_bin}/x86_64-none-${_name}" CACHE FILEPATH "" FORCE)
endforeach()

set(_x86_64_none_flags "")
foreach(_specs IN LISTS X86_64_NONE_SPECS)
    string(APPEND _x86_64_none_flags " --specs=${_specs}")
endforeach()
foreach(_lang C CXX ASM)
    set(CMAKE_${_lang}_FLAGS_INIT "${_x86_64_none_flags}")
endforeach()
# (CMake links with the language's flags: the specs reach the link too,
# and giving a specs file twice is an error.)

# Static kernels only: CMake's compiler checks must not try to run or
# link a program before the project says how.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_CROSSCOMPILING_EMULATOR "${_x86_64_none_bin}/x86_64-none-run")

# Programs from the host, headers and libraries from the kit only.
set(CMAKE_FIND_ROOT_PATH "${X86_64_NONE_ROOT}/x86_64-elf")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
