#ifndef BAOXUE_CPROCESSCONTROL_SHIM_H
#define BAOXUE_CPROCESSCONTROL_SHIM_H
// What Swift cannot call itself: prctl(2) is variadic, and variadic C functions are not imported.
#ifdef __linux__
#include <sys/prctl.h>
#include <signal.h>

/// Asks the kernel to send `signal` to this process when the thread that started it ends
/// (PR_SET_PDEATHSIG); 0 on success, -1 with errno set.
static inline int baoxue_set_parent_death_signal(int signal) { return prctl(PR_SET_PDEATHSIG, signal, 0, 0, 0); }
#else
#include <errno.h>
static inline int baoxue_set_parent_death_signal(int signal) { (void)signal; errno = ENOSYS; return -1; }
#endif
#endif
