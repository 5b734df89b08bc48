# cmake -DFOLDER=<dir> [-DALLOWED=<regex>] -P CheckIncludes.cmake
# The third-party half of the dependency table (docs/architecture.md); the include roots of
# cmake/NicecreamLibrary.cmake already keep each library to the app headers of what it links,
# but every system header is reachable from everywhere. This fails, naming file, line and header,
# when a file of the library in FOLDER (subfolders with a CMakeLists.txt of their own are other
# libraries and are left out) includes
#   - an angle-bracket header that is not the C++ standard library's (<vector>, <cstdint>: no
#     dot, no slash) and does not match ALLOWED (e.g. "^(boost/json/|spdlog/)"), or
#   - anything through "../", which would step around the include roots.
if(NOT FOLDER OR NOT IS_DIRECTORY "${FOLDER}")
  message(FATAL_ERROR "CheckIncludes: FOLDER '${FOLDER}' is not a directory")
endif()

file(GLOB_RECURSE files RELATIVE ${FOLDER} ${FOLDER}/*.hpp ${FOLDER}/*.h ${FOLDER}/*.cpp)
file(GLOB_RECURSE other_libraries RELATIVE ${FOLDER} ${FOLDER}/*/CMakeLists.txt)
foreach(other IN LISTS other_libraries)
  get_filename_component(other_folder ${other} DIRECTORY)
  list(FILTER files EXCLUDE REGEX "^${other_folder}/")
endforeach()
list(SORT files)

set(violations "")
foreach(file IN LISTS files)
  file(STRINGS ${FOLDER}/${file} lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    if(line MATCHES "#[ \t]*include[ \t]*<([^>]+)>")
      set(header ${CMAKE_MATCH_1})
      if(header MATCHES "^[a-z_0-9]+$")
        continue()  # the C++ standard library
      endif()
      if(ALLOWED AND header MATCHES "${ALLOWED}")
        continue()
      endif()
      string(APPEND violations "  ${file}: <${header}> is not allowed here\n")
    elseif(line MATCHES "#[ \t]*include[ \t]*\"([^\"]*\\.\\./[^\"]*)\"")
      string(APPEND violations "  ${file}: \"${CMAKE_MATCH_1}\" steps out of the include roots\n")
    endif()
  endforeach()
endforeach()

if(violations)
  message(FATAL_ERROR "includes the dependency table forbids in ${FOLDER}:\n${violations}")
endif()
list(LENGTH files checked)
message(STATUS "${FOLDER}: ${checked} files, includes as the table allows")
