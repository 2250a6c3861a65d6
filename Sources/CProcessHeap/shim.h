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
