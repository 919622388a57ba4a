// libpq as seen from Swift. pkg-config `libpq` adds -I/usr/include/postgresql.
#ifndef WMO_CLIBPQ_SHIM_H
#define WMO_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
