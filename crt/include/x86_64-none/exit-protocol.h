/* How a program under QEMU tells x86_64-none-run how it ended: the one
 * statement of the protocol, used by the board runtime (crt/qemu/start.c)
 * and by the runner (tools/none-run.c).
 *
 * exit(status) prints the exit record on the serial console,
 *     NONE_EXIT_RECORD_START <decimal status 0..255> NONE_EXIT_RECORD_END
 * which the runner removes from the output, then writes
 * NONE_DEBUG_EXIT_VALUE to QEMU's isa-debug-exit device at
 * NONE_DEBUG_EXIT_PORT.  QEMU then exits with (value << 1) | 1, which only
 * a program's exit produces (a crash gives 0, a rejected image 1): the port
 * tells "exited" from "crashed", the record carries the full 8-bit status.
 */
#ifndef X86_64_NONE_EXIT_PROTOCOL_H
#define X86_64_NONE_EXIT_PROTOCOL_H

#define NONE_DEBUG_EXIT_PORT 0xf4
#define NONE_DEBUG_EXIT_VALUE 0x10
#define NONE_QEMU_STATUS_EXITED ((NONE_DEBUG_EXIT_VALUE << 1) | 1)

/* QEMU's -device argument for the port (iosize 4: an outl). */
#define NONE_EXIT_STR_(x) #x
#define NONE_EXIT_STR(x) NONE_EXIT_STR_(x)
#define NONE_DEBUG_EXIT_DEVICE \
    "isa-debug-exit,iobase=" NONE_EXIT_STR(NONE_DEBUG_EXIT_PORT) ",iosize=4"

#define NONE_EXIT_RECORD_START "\033]x86_64-none-exit;"
#define NONE_EXIT_RECORD_END "\007"

/* The board prints the start record first of all (before the
 * constructors), which the runner removes from the output.  Booting an
 * image, everything before it is firmware and boot loader output, which
 * the runner holds back (it shows it only when the program never
 * starts), and the runner sends its standard input only after it, so
 * that GRUB and the firmware read none of it. */
#define NONE_START_RECORD "\033]x86_64-none-start\007"

/* Coverage: a program built with --coverage streams its gcov data (the
 * format gcov-tool merge-stream reads, from libgcov's __gcov_info_to_gcda)
 * at exit, before the exit record, as
 *     NONE_GCOV_RECORD_START <two hex digits a byte> NONE_GCOV_RECORD_END
 * which x86_64-none-run takes out of the output (--coverage=DIR). */
#define NONE_GCOV_RECORD_START "\033]x86_64-none-gcov;"
#define NONE_GCOV_RECORD_END "\007"

/* x86_64-none-run sends its standard input to the serial console's input,
 * then this byte (ASCII EOT, a terminal's ^D): the board reads it as end
 * of file. */
#define NONE_CONSOLE_END_OF_INPUT 0x04

#endif
