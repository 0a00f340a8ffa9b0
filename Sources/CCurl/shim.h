#ifndef KIOSK_CCURL_SHIM_H
#define KIOSK_CCURL_SHIM_H

// libcurl for the kiosk's sync process (mutual TLS, CONNECT proxies, gzip) and zlib for gzip request
// bodies. curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: these typed
// wrappers are the whole C surface KioskSync uses.

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static inline CURLcode kiosk_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kiosk_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kiosk_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kiosk_curl_set_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*kiosk_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode kiosk_curl_set_callback(CURL *handle, CURLoption option, kiosk_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kiosk_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode kiosk_curl_get_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// gzip (RFC 1952) of `length` bytes at `input` into a malloc'd buffer the caller frees.
/// Returns 0 on success.
static inline int kiosk_gzip(const unsigned char *input, size_t length, unsigned char **output, size_t *outputLength) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    uLong bound = deflateBound(&stream, (uLong)length) + 32;
    unsigned char *buffer = malloc(bound);
    if (buffer == NULL) { deflateEnd(&stream); return -1; }
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)length;
    stream.next_out = buffer;
    stream.avail_out = (uInt)bound;
    int status = deflate(&stream, Z_FINISH);
    if (status != Z_STREAM_END) { free(buffer); deflateEnd(&stream); return -1; }
    *output = buffer;
    *outputLength = stream.total_out;
    deflateEnd(&stream);
    return 0;
}

#endif
