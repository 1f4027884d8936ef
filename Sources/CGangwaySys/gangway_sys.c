#define _GNU_SOURCE
#include "gangway_sys.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
#endif

int gangway_rename_exchange(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    (void)a; (void)b;
    errno = ENOSYS;
    return -1;
#endif
}

int gangway_open_beneath(int dirfd, const char *path) {
#if defined(__linux__) && defined(SYS_openat2)
    // struct open_how and the RESOLVE_ flags of <linux/openat2.h>, spelled out for older headers.
    struct { uint64_t flags, mode, resolve; } how = {
        O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0, 0x04 /* RESOLVE_NO_SYMLINKS */ | 0x08 /* RESOLVE_BENEATH */
    };
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how);
#else
    (void)dirfd; (void)path;
    errno = ENOSYS;
    return -1;
#endif
}
