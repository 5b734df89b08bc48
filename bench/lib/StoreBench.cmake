# What a store-level benchmark built as a project of its own needs (bench/deep, bench/search):
# the project's compile settings, and the domain and store libraries. Include it right after
# project() when the benchmark's folder is the top-level source.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
add_compile_options(-Wall -Wextra -Werror)
# The same two GCC 12 false positives the top-level CMakeLists.txt turns off (GCC bugs 105329,
# 105651: std::string's operator+ in src/domain; coroutine frames).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  add_compile_options(-Wno-restrict -Wno-mismatched-new-delete)
endif()
get_filename_component(PROJECT_SOURCE_DIR ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
list(APPEND CMAKE_MODULE_PATH ${PROJECT_SOURCE_DIR}/cmake)
include(NicecreamBoost)
include(NicecreamLibrary)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(CLI11 REQUIRED)
add_subdirectory(${PROJECT_SOURCE_DIR}/src/domain domain)
add_subdirectory(${PROJECT_SOURCE_DIR}/src/store store)

# A store-level benchmark: its sources, the shared timing and raw SQL, both engines, CLI11.
function(nicecream_store_bench name)
  add_executable(${name} ${ARGN} ${PROJECT_SOURCE_DIR}/bench/lib/latency.cpp
                         ${PROJECT_SOURCE_DIR}/bench/lib/raw_sql.cpp
                         ${PROJECT_SOURCE_DIR}/bench/lib/engine_target.cpp)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/bench)
  target_link_libraries(${name} PRIVATE nicecream_store_sqlite nicecream_store_postgres
                        SQLite::SQLite3 PostgreSQL::PostgreSQL CLI11::CLI11)
endfunction()
