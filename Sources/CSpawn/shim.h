#ifndef CDOP_CSPAWN_SHIM_H
#define CDOP_CSPAWN_SHIM_H

// posix_spawn's file actions that glibc declares only under _GNU_SOURCE (glibc 2.29 and 2.34), which Swift's Glibc
// module is built without. The test support starts child processes through them instead of Foundation's Process,
// whose run() can read past a directory entry of /proc/self/fd and crash.

#include <fcntl.h>
#include <spawn.h>

extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path);
extern int pipe2(int fds[2], int flags);

/// A pipe whose ends close on exec.
static inline int cdop_pipe_closing_on_exec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}

/// Closes, in the child, every descriptor from `from` up: it inherits its three standard streams and nothing else.
static inline int cdop_spawn_close_from(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

/// Starts the child in `path`.
static inline int cdop_spawn_change_directory(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

#endif
