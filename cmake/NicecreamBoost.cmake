# Boost 1.81 as Debian ships it, behind one interface target. Asio and Beast are header-only; one
# definition set for every target keeps ODR intact. Included by the top-level project and by the
# benchmarks that build parts of src/ on their own.
#
# The fuzz build (NICECREAM_FUZZ) compiles Boost.JSON and Boost.URL from their header sources
# (tests/fuzz/support/boost_sources.cpp) instead of linking Debian's libraries: instrumented like
# our code, so the fuzzer sees its way through JSON and URL parsing and the sanitizers watch it.
find_package(Boost 1.81.0 EXACT REQUIRED CONFIG COMPONENTS json url system)
find_package(Threads REQUIRED)
if(NOT TARGET nicecream_boost)
  add_library(nicecream_boost INTERFACE)
  if(NICECREAM_FUZZ)
    add_library(nicecream_boost_sources STATIC
                ${PROJECT_SOURCE_DIR}/tests/fuzz/support/boost_sources.cpp)
    target_link_libraries(nicecream_boost_sources PUBLIC Boost::headers)
    target_link_libraries(nicecream_boost INTERFACE nicecream_boost_sources Boost::headers
                                                    Boost::system Threads::Threads)
  else()
    target_link_libraries(nicecream_boost INTERFACE Boost::headers Boost::json Boost::url
                                                    Boost::system Threads::Threads)
  endif()
  # Asio keeps the last freed blocks of each kind per thread and hands one to the next allocation
  # that fits, whatever its size. A live stream's coroutine frames, allocated right after its
  # request's larger frames were freed, each kept a block of 736 or 896 B for the stream's life:
  # about 1.4 KiB of RSS per idle stream (bench/sse: 7.6 KiB with the cache, 6.2 without). malloc's
  # own per-thread cache is as quick for what the cache saved (wrk on /history: no difference).
  target_compile_definitions(nicecream_boost INTERFACE BOOST_ASIO_NO_DEPRECATED
                                                       BOOST_ASIO_RECYCLING_ALLOCATOR_CACHE_SIZE=0)
endif()
