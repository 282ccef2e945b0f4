/* newlib's system layer for the QEMU board (what libgloss is for a
 * simulator): the system calls newlib's libc makes, built against
 * newlib's headers and linked when a program uses --specs=newlib.specs
 * with --specs=qemu.specs.
 *
 *   write   file descriptors 1 and 2: the serial console (COM1)
 *   read    file descriptor 0: the serial console, which x86_64-none-run
 *           feeds from its standard input
 *   fstat, isatty   0-2 are character devices (terminals), so stdio
 *           line-buffers them
 *   sbrk    the board heap (the largest RAM range of the boot memory map)
 *   exit    the exit protocol with the status
 *   kill    the program itself: SIGABRT panics (as abort does without
 *           newlib), other signals exit with 128 + the signal
 *   getpid  1
 *   gettimeofday, times   the board clock (CMOS time, TSC-advanced)
 *   everything else fails with ENOSYS (open, unlink, fork, mkdir, fcntl,
 *   getentropy, ...), close
 *   and lseek on the console with what POSIX says for a terminal.
 *
 * newlib for x86_64-elf is configured with MISSING_SYSCALL_NAMES (its
 * default for a target without a system-call layer of its own): its
 * reentrant wrappers (_write_r, ...) call the POSIX names (write, ...)
 * and read the error from the global errno, which they copy into the
 * program's errno.  So that is what is defined here.
 *
 * A board of one's own provides the same functions: docs/boards.md,
 * "Porting newlib to your own board". */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <x86_64-none/heap.h>
#include <x86_64-none/panic.h>
#include "board.h"

/* The error of the last call, for newlib's wrappers (see above); newlib
 * defines the variable. */
#undef errno
extern int errno;

#define IS_CONSOLE(fd) ((fd) >= 0 && (fd) <= 2)

/* Both errnos: the global one newlib's wrappers copy from, and the
 * program's (what <errno.h>'s errno reads), for a direct call of write
 * and friends. */
static int fail(int error)
{
    errno = error;
    *__errno() = error;
    return -1;
}

_READ_WRITE_RETURN_TYPE write(int fd, const void *buf, size_t n)
{
    if (fd != 1 && fd != 2)
        return fail(EBADF);
    none_console_write(buf, n);
    return (_READ_WRITE_RETURN_TYPE)n;
}

_READ_WRITE_RETURN_TYPE read(int fd, void *buf, size_t n)
{
    if (fd != 0)
        return fail(EBADF);
    return (_READ_WRITE_RETURN_TYPE)none_console_read(buf, n);
}

int close(int fd)
{
    return IS_CONSOLE(fd) ? 0 : fail(EBADF);
}

off_t lseek(int fd, off_t offset, int whence)
{
    (void)offset, (void)whence;
    return IS_CONSOLE(fd) ? fail(ESPIPE) : fail(EBADF);
}

int fstat(int fd, struct stat *st)
{
    if (!IS_CONSOLE(fd))
        return fail(EBADF);
    *st = (struct stat){.st_mode = S_IFCHR | 0620, .st_blksize = 0};
    return 0;
}

int isatty(int fd)
{
    if (IS_CONSOLE(fd))
        return 1;
    fail(EBADF);
    return 0;
}

void *sbrk(ptrdiff_t increment)
{
    void *old = none_sbrk(increment);
    if (old == (void *)-1)
        fail(ENOMEM);
    return old;
}

_Noreturn void _exit(int status)
{
    none_qemu_exit(status);
}

pid_t getpid(void)
{
    return 1;
}

int kill(pid_t pid, int sig)
{
    if (pid != getpid())
        return fail(ESRCH);
    if (sig == SIGABRT)
        none_panic_at("abort() called", 0, 0, 0);
    none_qemu_exit(128 + sig);
}

int gettimeofday(struct timeval *tv, void *tz)
{
    (void)tz;
    int64_t us = none_qemu_time_us();
    tv->tv_sec = us / 1000000;
    tv->tv_usec = us % 1000000;
    return 0;
}

/* All of the program's time is user time. */
clock_t times(struct tms *buf)
{
    clock_t ticks = (clock_t)(none_qemu_uptime_us() / (1000000 / CLOCKS_PER_SEC));
    if (buf)
        *buf = (struct tms){.tms_utime = ticks};
    return ticks;
}

/* No file system, no processes. */
int open(const char *path, int flags, ...)
{
    (void)path, (void)flags;
    return fail(ENOSYS);
}

int link(const char *old, const char *new)
{
    (void)old, (void)new;
    return fail(ENOSYS);
}

int unlink(const char *path)
{
    (void)path;
    return fail(ENOSYS);
}

int stat(const char *path, struct stat *st)
{
    (void)path, (void)st;
    return fail(ENOSYS);
}

pid_t fork(void)
{
    return fail(ENOSYS);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
    (void)path, (void)argv, (void)envp;
    return fail(ENOSYS);
}

pid_t wait(int *status)
{
    (void)status;
    return fail(ENOSYS);
}

int mkdir(const char *path, mode_t mode)
{
    (void)path, (void)mode;
    return fail(ENOSYS);
}

int fcntl(int fd, int command, ...)
{
    (void)fd, (void)command;
    return fail(ENOSYS);
}

/* No entropy source the board could vouch for. */
int getentropy(void *buf, size_t n)
{
    (void)buf, (void)n;
    return fail(ENOSYS);
}
