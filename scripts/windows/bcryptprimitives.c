/* A stand-in bcryptprimitives.dll for Wine 8, which has none: Rust's standard library
 * (cryptography's and rpds-py's compiled parts) takes its random bytes from ProcessPrng
 * there since Rust 1.78. Forwarded to BCryptGenRandom, which Wine has. Built by
 * scripts/wine.sh with mingw-w64; only for the tests under Wine, never shipped. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {  /* BCryptGenRandom takes a ULONG length */
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
