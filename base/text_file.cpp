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
  throw Error(path, "cannot write the " + what, full_disk_hint(path));
}

std::string full_disk_hint(const std::string& path) {
  std::error_code ec;
  const std::filesystem::space_info space =
      std::filesystem::space(std::filesystem::absolute(path).parent_path(), ec);
  if (ec || space.available >= (16u << 20)) return "";
  return "no space left on the device: " + std::to_string(space.available >> 10) + " kB free";
}

}  // namespace kctm
