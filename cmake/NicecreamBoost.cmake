# Boost 1.81 as Debian ships it, behind one interface target. Asio and Beast are header-only; one
# definition set for every target keeps ODR intact. Included by the top-level project and by the
# benchmarks that build parts of src/ on their own.
find_package(Boost 1.81.0 EXACT REQUIRED CONFIG COMPONENTS json url system)
find_package(Threads REQUIRED)
if(NOT TARGET nicecream_boost)
  add_library(nicecream_boost INTERFACE)
  target_link_libraries(nicecream_boost INTERFACE Boost::headers Boost::json Boost::url
                                                  Boost::system Threads::Threads)
  target_compile_definitions(nicecream_boost INTERFACE BOOST_ASIO_NO_DEPRECATED)
endif()
