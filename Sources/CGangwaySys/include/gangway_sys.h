#ifndef GANGWAY_SYS_H
#define GANGWAY_SYS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where the kernel lacks it).
int gangway_rename_exchange(const char *a, const char *b);

/// Opens `path`, relative to the folder `dirfd`, for reading, resolving no symbolic link on the
/// way and never leaving the folder (Linux openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS).
/// Returns the descriptor, or -1 with errno set (ENOSYS where the kernel lacks openat2).
int gangway_open_beneath(int dirfd, const char *path);

#endif
