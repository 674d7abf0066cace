#pragma once
// The chemistry mechanism as a Markdown table (`kctm mechanism`): every reaction, its rate
// coefficient at 298 K and 1 atm, its rate law and its source.
#include <string>

namespace kctm {

std::string mechanism_markdown();

}  // namespace kctm
