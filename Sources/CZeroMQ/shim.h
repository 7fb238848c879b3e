#ifndef BAOXUE_CZEROMQ_SHIM_H
#define BAOXUE_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
