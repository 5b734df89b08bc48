# nicecream_library(<name> STATIC|INTERFACE [sources...])
# One library of src/ (see docs/architecture.md): add_library, plus an include root of its own
# that holds its own headers only, so a file sees nothing but the headers of the libraries its
# target links and an include the dependency table forbids fails to compile.
#
# The root, <build>/include/<name>/, mirrors the library's folder with one symbolic link per
# header, so includes keep their spelling ("store/store.hpp"). The library owns every header
# below its folder (subfolders too, e.g. src/api/history/) except those under a subfolder with a
# CMakeLists.txt of its own: that is another library (src/store/sqlite/ is not part of `store`).
# The globs are CONFIGURE_DEPENDS, so a new header is linked on the next build.
function(nicecream_library name type)
  add_library(${name} ${type} ${ARGN})
  nicecream_own_headers(${name} ${CMAKE_CURRENT_SOURCE_DIR})
endfunction()

function(nicecream_own_headers name folder)
  file(RELATIVE_PATH spelling ${PROJECT_SOURCE_DIR}/src ${folder})
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS RELATIVE ${folder} ${folder}/*.hpp ${folder}/*.h)
  file(GLOB_RECURSE other_libraries CONFIGURE_DEPENDS RELATIVE ${folder} ${folder}/*/CMakeLists.txt)
  foreach(other IN LISTS other_libraries)
    get_filename_component(other_folder ${other} DIRECTORY)
    list(FILTER headers EXCLUDE REGEX "^${other_folder}/")
  endforeach()

  set(root ${CMAKE_BINARY_DIR}/include/${name})
  file(REMOVE_RECURSE ${root})
  foreach(header IN LISTS headers)
    get_filename_component(header_folder ${root}/${spelling}/${header} DIRECTORY)
    file(MAKE_DIRECTORY ${header_folder})
    file(CREATE_LINK ${folder}/${header} ${root}/${spelling}/${header} SYMBOLIC)
  endforeach()
  file(MAKE_DIRECTORY ${root})

  get_target_property(type ${name} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${name} INTERFACE ${root})
  else()
    target_include_directories(${name} PUBLIC ${root})
  endif()
endfunction()
