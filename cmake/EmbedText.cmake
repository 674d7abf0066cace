# cmake -DINPUT=file -DOUTPUT=file.cpp -DFUNCTION=name -DHEADER=header.hpp -P EmbedText.cmake:
# writes `const std::string& kctm::FUNCTION()` returning the text of INPUT.
file(READ ${INPUT} content)
file(WRITE ${OUTPUT}.tmp
  "// Generated from ${INPUT} by cmake/EmbedText.cmake.\n"
  "#include <string>\n\nnamespace kctm {\n\n"
  "const std::string& ${FUNCTION}() {\n"
  "  static const std::string text = R\"KCTM_TEXT(${content})KCTM_TEXT\";\n"
  "  return text;\n}\n\n}  // namespace kctm\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
