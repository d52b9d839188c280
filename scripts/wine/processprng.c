/*
 * bcryptprimitives.dll for Wine 8.0, which lacks ProcessPrng: Go 1.24 and
 * newer call it at start for random numbers. It forwards to
 * SystemFunction036 (RtlGenRandom) of advapi32. Used only to run the
 * Windows executables in CI; never shipped.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
