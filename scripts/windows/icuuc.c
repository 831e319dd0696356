/* A stand-in icuuc.dll for Wine 8, which has none (Windows 10 1903 and later ship ICU
 * as icuuc.dll). Qt 6.10 and later import these 20 converter functions from it; here
 * every converter fails to open and none are listed, so Qt falls back on its built-in
 * codecs (UTF-8/16/32, Latin-1 and the system code page), all QuickReply needs.
 * Built by scripts/wine.sh with mingw-w64; only for the tests under Wine, never shipped. */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
typedef int UErrorCode;       /* > 0 is a failure */
typedef uint16_t UChar;
typedef void UConverter;      /* opaque: no converter is ever made */
typedef void Callback(void);  /* a callback's exact signature does not matter here */
enum { U_UNSUPPORTED_ERROR = 16 };

static void fail(UErrorCode *error) {
    if (error && *error <= 0) *error = U_UNSUPPORTED_ERROR;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *error) { (void)name; fail(error); return NULL; }
EXPORT void ucnv_close(UConverter *converter) { (void)converter; }
EXPORT void ucnv_reset(UConverter *converter) { (void)converter; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *converter) { (void)converter; return 1; }

EXPORT const char *ucnv_getName(const UConverter *converter, UErrorCode *error) {
    (void)converter; fail(error); return NULL;
}
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error) {
    (void)name; (void)standard; fail(error); return NULL;
}
EXPORT int32_t ucnv_toUCountPending(const UConverter *converter, UErrorCode *error) {
    (void)converter; fail(error); return 0;
}
EXPORT int32_t ucnv_fromUCountPending(const UConverter *converter, UErrorCode *error) {
    (void)converter; fail(error); return 0;
}

EXPORT void ucnv_toUnicode(UConverter *converter, UChar **target, const UChar *targetLimit, const char **source,
                           const char *sourceLimit, int32_t *offsets, int8_t flush, UErrorCode *error) {
    (void)converter; (void)target; (void)targetLimit; (void)source; (void)sourceLimit; (void)offsets; (void)flush;
    fail(error);
}
EXPORT void ucnv_fromUnicode(UConverter *converter, char **target, const char *targetLimit, const UChar **source,
                             const UChar *sourceLimit, int32_t *offsets, int8_t flush, UErrorCode *error) {
    (void)converter; (void)target; (void)targetLimit; (void)source; (void)sourceLimit; (void)offsets; (void)flush;
    fail(error);
}

EXPORT void ucnv_getToUCallBack(const UConverter *converter, Callback **action, const void **context) {
    (void)converter; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const UConverter *converter, Callback **action, const void **context) {
    (void)converter; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(UConverter *converter, Callback *action, const void *context, Callback **oldAction,
                                const void **oldContext, UErrorCode *error) {
    (void)converter; (void)action; (void)context; (void)oldAction; (void)oldContext; fail(error);
}
EXPORT void ucnv_setFromUCallBack(UConverter *converter, Callback *action, const void *context,
                                  Callback **oldAction, const void **oldContext, UErrorCode *error) {
    (void)converter; (void)action; (void)context; (void)oldAction; (void)oldContext; fail(error);
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offsetIndex,
                                  UErrorCode *error) {
    (void)args; (void)source; (void)length; (void)offsetIndex; fail(error);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *sourceLimit, int32_t offsetIndex,
                                    UErrorCode *error) {
    (void)args; (void)source; (void)sourceLimit; (void)offsetIndex; fail(error);
}

/* The converters' stock callbacks: Qt only passes them to ucnv_set*CallBack. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
