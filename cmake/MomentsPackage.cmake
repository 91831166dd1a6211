# `make deb` (cpack -G DEB): a Debian package of what MomentsInstall.cmake
# installs, for `sudo apt install ./moments_<version>_<arch>.deb` on
# Raspberry Pi OS (bookworm or trixie: build it on the release it is for).
#
# Depends: the shared libraries the program links, found by dpkg-shlibdeps
# (package dpkg-dev; without it CPack silently leaves them out), plus what it
# opens by name: the fonts and Mesa's EGL/GLES and drivers, which SDL's
# KMSDRM backend loads with dlopen().
# Maintainer scripts in packaging/: postinst makes the `moments` user and
# enables the unit, prerm stops and disables it, postrm on purge removes the
# user and /var/lib/moments.

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "moments")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "kitchen wall display for couples")
set(CPACK_PACKAGE_CONTACT "moments maintainers <moments@localhost>" CACHE STRING
    "Maintainer: field of the .deb")
# A package lives in /usr, whatever the build's own prefix; `make deb`
# configures with -DCMAKE_INSTALL_PREFIX=/usr so the program looks there.
# The staging install runs with DESTDIR, so /etc/moments lands in the
# package; CPACK_INSTALL_PREFIX is then the prefix inside it.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX "/usr")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_NAME "moments")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The Description: line is the summary above; this is the text under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Full screen on a Raspberry Pi behind a touchscreen, without a desktop: one
small moment of connection a day, confirmed by both partners with a tap or
an arcade button; sticky notes, a hug timer and a history.
Everything stays in one SQLite file; no network, no account.")

find_program(MOMENTS_DPKG dpkg)
if(MOMENTS_DPKG)
  execute_process(COMMAND ${MOMENTS_DPKG} --print-architecture
                  OUTPUT_VARIABLE _arch OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${_arch}")
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-lato, fonts-dejavu-core, fonts-symbola, libegl1, libgles2, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/packaging/conffiles"
    "${PROJECT_SOURCE_DIR}/packaging/postinst"
    "${PROJECT_SOURCE_DIR}/packaging/prerm"
    "${PROJECT_SOURCE_DIR}/packaging/postrm")
# 0755 for the scripts, 0644 for conffiles, whatever git checked out.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

# Warn when the package would hold a program built for another prefix.
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_BINARY_DIR}/MomentsCPackOptions.cmake")
file(WRITE "${CPACK_PROJECT_CONFIG_FILE}" "
if(CPACK_GENERATOR STREQUAL \"DEB\" AND NOT \"${MOMENTS_DATADIR}\" STREQUAL \"/usr/share/moments\")
  message(WARNING \"moments: this build reads its data from ${MOMENTS_DATADIR}, the package \"
                  \"installs it in /usr/share/moments: configure with -DCMAKE_INSTALL_PREFIX=/usr \"
                  \"(make deb does)\")
endif()
")

include(CPack)
