#ifndef BAOXUE_CZEROMQ_SHIM_H
#define BAOXUE_CZEROMQ_SHIM_H
#include <zmq.h>
#include <sys/eventfd.h>

/// The wake-up descriptor of a message loop: non-blocking, closed on exec.
static inline int baoxue_wake_fd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }
#endif
