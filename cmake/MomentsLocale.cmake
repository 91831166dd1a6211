# The message catalogues. English is the text in the sources; each
# po/<lang>.po is compiled (msgfmt checks the formats match) into
# <build>/locale/<lang>/LC_MESSAGES/moments.mo, which a program run from
# the build folder uses, and installed under <prefix>/share/locale.
#
# `make -C build pot` extracts every marked string (core/i18n.h: _, N_,
# P_) into po/moments.pot and merges it into each po/<lang>.po;
# tests/unit/test_catalogue.sh fails when a string has no translation.

find_program(MSGFMT msgfmt REQUIRED)
set(MOMENTS_TRANSLATIONS es)

set(MOMENTS_MO_FILES)
foreach(lang IN LISTS MOMENTS_TRANSLATIONS)
  set(po ${PROJECT_SOURCE_DIR}/po/${lang}.po)
  set(dir ${MOMENTS_BUILD_LOCALEDIR}/${lang}/LC_MESSAGES)
  add_custom_command(OUTPUT ${dir}/moments.mo
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${MSGFMT} --check-format --check-domain -o ${dir}/moments.mo ${po}
    DEPENDS ${po}
    COMMENT "Compiling the ${lang} catalogue")
  list(APPEND MOMENTS_MO_FILES ${dir}/moments.mo)
  install(FILES ${dir}/moments.mo DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(moments_locale ALL DEPENDS ${MOMENTS_MO_FILES})

add_custom_target(pot
  COMMAND sh ${PROJECT_SOURCE_DIR}/po/update.sh ${PROJECT_SOURCE_DIR} ${MOMENTS_TRANSLATIONS}
  COMMENT "Extracting strings into po/moments.pot and merging the translations")
