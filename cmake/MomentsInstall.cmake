# What `cmake --install` (and so `make install` and the .deb) puts in place:
#
#   <prefix>/bin/moments                          the program
#   <prefix>/share/moments/moments/<lang>/*.moments  the moment library
#   <prefix>/share/doc/moments/README.md          the manual
#   <prefix>/lib/systemd/system/moments.service   the unit, ExecStart= pointing at <prefix>/bin
#   <prefix>/lib/udev/rules.d/60-moments.rules    backlight and GPIO permissions
#   /etc/moments/moments.conf                     the example config, only when there is none
#
# systemd and udev read both /usr/lib/... and /usr/local/lib/..., so a
# /usr/local install works as it is. The units and rules go under
# <prefix>/lib, never CMAKE_INSTALL_LIBDIR (lib/<multiarch> on Debian).
# assets/fonts holds nothing to install: the fonts come from Debian's
# fonts-lato, fonts-dejavu-core and fonts-symbola.

set(MOMENTS_SYSTEMD_UNITDIR "lib/systemd/system" CACHE STRING
    "Where moments.service goes, relative to the install prefix")
set(MOMENTS_UDEV_RULESDIR "lib/udev/rules.d" CACHE STRING
    "Where the udev rules go, relative to the install prefix")

install(TARGETS moments RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY assets/moments DESTINATION ${CMAKE_INSTALL_DATADIR}/moments
        FILES_MATCHING PATTERN "*.moments")
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES udev/60-moments.rules DESTINATION ${MOMENTS_UDEV_RULESDIR})
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECT_SOURCE_DIR}/systemd/moments.service)

# Run at install time, so that `cmake --install --prefix P` and CPack's
# staging install both see the prefix they install to.
install(CODE "
  set(MOMENTS_SRC \"${PROJECT_SOURCE_DIR}\")
  set(MOMENTS_BUILD \"${PROJECT_BINARY_DIR}\")
  set(MOMENTS_BUILT_DATADIR \"${MOMENTS_DATADIR}\")
  set(MOMENTS_SYSCONFDIR \"${MOMENTS_SYSCONFDIR}\")
  set(MOMENTS_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
  set(MOMENTS_DATADIR_REL \"${CMAKE_INSTALL_DATADIR}\")
  set(MOMENTS_DOCDIR \"${CMAKE_INSTALL_DOCDIR}\")
  set(MOMENTS_SYSTEMD_UNITDIR \"${MOMENTS_SYSTEMD_UNITDIR}\")
")
install(CODE [[
  # The program reads its library from the data folder it was built for.
  if(NOT MOMENTS_BUILT_DATADIR STREQUAL "${CMAKE_INSTALL_PREFIX}/${MOMENTS_DATADIR_REL}/moments")
    message(STATUS "moments: this build reads its moment library from ${MOMENTS_BUILT_DATADIR}; "
                   "configure with -DCMAKE_INSTALL_PREFIX=${CMAKE_INSTALL_PREFIX} to install there")
  endif()

  # The unit names the installed program and manual.
  file(READ "${MOMENTS_SRC}/systemd/moments.service" _unit)
  string(REPLACE "ExecStart=/usr/bin/moments"
                 "ExecStart=${CMAKE_INSTALL_PREFIX}/${MOMENTS_BINDIR}/moments" _unit "${_unit}")
  string(REPLACE "file:///usr/share/doc/moments/"
                 "file://${CMAKE_INSTALL_PREFIX}/${MOMENTS_DOCDIR}/" _unit "${_unit}")
  file(MAKE_DIRECTORY "${MOMENTS_BUILD}/install")
  file(WRITE "${MOMENTS_BUILD}/install/moments.service" "${_unit}")
  file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/${MOMENTS_SYSTEMD_UNITDIR}" TYPE FILE
       PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
       FILES "${MOMENTS_BUILD}/install/moments.service")

  # The config: the commented example, never over one that is there (an
  # edited config survives a reinstall; the .deb marks it a conffile).
  if(EXISTS "$ENV{DESTDIR}${MOMENTS_SYSCONFDIR}/moments.conf")
    message(STATUS "Keeping: $ENV{DESTDIR}${MOMENTS_SYSCONFDIR}/moments.conf")
  else()
    file(INSTALL DESTINATION "${MOMENTS_SYSCONFDIR}" TYPE FILE
         PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
         FILES "${MOMENTS_SRC}/config/moments.conf")
  endif()
]])

include(${CMAKE_CURRENT_LIST_DIR}/MomentsPackage.cmake)
