# cmake -DINPUT=file.yaml -DOUTPUT=file.cpp -P EmbedText.cmake: writes kctm::default_config_text().
file(READ ${INPUT} content)
file(WRITE ${OUTPUT}.tmp
  "// Generated from model/default_config.yaml by cmake/EmbedText.cmake.\n"
  "#include \"model/config.hpp\"\n\nnamespace kctm {\n\n"
  "const std::string& default_config_text() {\n"
  "  static const std::string text = R\"KCTM_CONFIG(${content})KCTM_CONFIG\";\n"
  "  return text;\n}\n\n}  // namespace kctm\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
