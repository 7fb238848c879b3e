#ifndef BAOXUE_CPROCESSCONTROL_SHIM_H
#define BAOXUE_CPROCESSCONTROL_SHIM_H
// What Swift cannot call itself: prctl(2) and syscall(2) are variadic, and variadic C functions
// are not imported.
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <signal.h>
#include <unistd.h>

/// Asks the kernel to send `signal` to this process when the thread that started it ends
/// (PR_SET_PDEATHSIG); 0 on success, -1 with errno set.
static inline int baoxue_set_parent_death_signal(int signal) { return prctl(PR_SET_PDEATHSIG, signal, 0, 0, 0); }

/// The calling thread's kernel id (gettid(2)), so that another thread can change its scheduling.
static inline int baoxue_thread_id(void) { return (int)syscall(SYS_gettid); }
#else
#include <errno.h>
static inline int baoxue_set_parent_death_signal(int signal) { (void)signal; errno = ENOSYS; return -1; }
static inline int baoxue_thread_id(void) { errno = ENOSYS; return -1; }
#endif
#endif
