#ifndef CDOP_CPROCESSHEAP_SHIM_H
#define CDOP_CPROCESSHEAP_SHIM_H

// glibc's malloc statistics and trimming, which Swift's Glibc module does not export (malloc.h is not in it).

#include <malloc.h>
#include <stddef.h>

/// Gives the free memory of every malloc arena back to the system (glibc keeps it otherwise, per arena, at the
/// high-water mark of the threads that used it). Returns 1 when some memory was released.
static inline int cdop_heap_release_free_memory(void) {
    return malloc_trim(0);
}

/// Lets malloc make at most `count` arenas. glibc otherwise opens a new arena (up to eight a core) whenever a thread
/// finds the arena it would use locked, which happens under load when the lock's holder is descheduled; each arena
/// then keeps its own free memory, in fragments that trimming cannot give back. Returns 1 on success.
static inline int cdop_heap_limit_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}

/// Serves every allocation of `bytes` or more with a mapping of its own, given back whole when freed. glibc
/// otherwise raises this threshold each time such a block is freed, after which a server's large short-lived
/// buffers (pages, request bodies, query results) are cut from the arenas, and the small allocations made
/// between them keep the freed space from ever being trimmed. Returns 1 on success.
static inline int cdop_heap_map_large_blocks(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}

/// The bytes malloc has handed out and not yet had back, over all arenas.
static inline size_t cdop_heap_bytes_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

/// The bytes malloc holds free, over all arenas, that the process still keeps.
static inline size_t cdop_heap_bytes_free(void) {
    struct mallinfo2 info = mallinfo2();
    return info.fordblks;
}

#endif
