#include "base/text_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.hpp"
#include "base/input_file.hpp"

namespace kctm {

std::string read_text_file(const std::string& path, const std::string& what) {
  require_input_file(path, what);
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot read the " + what);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text_file(const std::string& path, const std::string& text, const std::string& what) {
  const std::string temp = path + ".partial";
  {
    std::ofstream out(temp);
    if (out && out << text && out.flush()) {
      out.close();
      std::error_code ec;
      std::filesystem::rename(temp, path, ec);
      if (!ec) return;
    }
  }
  std::error_code ignored;
  std::filesystem::remove(temp, ignored);
  throw Error(path, "cannot write the " + what);
}

}  // namespace kctm
