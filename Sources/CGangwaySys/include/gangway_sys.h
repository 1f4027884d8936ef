#ifndef GANGWAY_SYS_H
#define GANGWAY_SYS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where the kernel lacks it).
int gangway_rename_exchange(const char *a, const char *b);

#endif
