#ifndef CDOP_CCURL_SHIM_H
#define CDOP_CCURL_SHIM_H

// libcurl for Swift. curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call, so each
// argument kind gets one typed static inline wrapper here (the GRDBSQLite pattern).

#include <curl/curl.h>

/// curl_easy_setopt for a `long` option (flags, timeouts, enum values such as CURLUSESSL_ALL).
static inline CURLcode cdop_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_setopt for a C string option; libcurl copies the string (since 7.17.0).
static inline CURLcode cdop_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_setopt for an opaque pointer option (CURLOPT_READDATA, CURLOPT_ERRORBUFFER).
static inline CURLcode cdop_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_setopt for a string list option (CURLOPT_MAIL_RCPT); the list must outlive the transfer.
static inline CURLcode cdop_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_setopt for CURLOPT_READFUNCTION.
static inline CURLcode cdop_curl_setopt_read_function(CURL *handle, CURLoption option, curl_read_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_setopt for CURLOPT_WRITEFUNCTION (an HTTP response's body).
static inline CURLcode cdop_curl_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_setopt for a curl_off_t option (CURLOPT_INFILESIZE_LARGE).
static inline CURLcode cdop_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_getinfo for a `long` result (CURLINFO_RESPONSE_CODE, CURLINFO_NUM_CONNECTS).
static inline CURLcode cdop_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
