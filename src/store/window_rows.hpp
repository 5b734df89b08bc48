#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

// What both engines' charts do with the rollup rows of a window they sum: some 100,000 rows of as
// many songs for a week at 10M airings, added up per subject here rather than grouped by the
// database (see each engine's charts.cpp for why).
namespace nicecream::store {

// Orders rows by their `id` (never negative), keeping the order of equal ids: a radix sort, least
// significant 11 bits first (two passes up to two million subjects), through `spare`. A week's
// rows took std::sort some 4 ms, a fifth of the sum.
template <class Row>
void sort_by_id(std::vector<Row>& rows, std::vector<Row>& spare) {
  constexpr int kDigitBits = 11;
  constexpr std::size_t kDigits = std::size_t{1} << kDigitBits;
  std::uint64_t most = 0;
  for (const auto& row : rows) most = std::max(most, static_cast<std::uint64_t>(row.id));
  spare.resize(rows.size());
  std::vector<std::size_t> starts(kDigits + 1);
  for (int shift = 0; shift < 64 && (shift == 0 || (most >> shift) > 0); shift += kDigitBits) {
    const auto digit = [shift](const Row& row) {
      return static_cast<std::size_t>(static_cast<std::uint64_t>(row.id) >> shift) & (kDigits - 1);
    };
    std::fill(starts.begin(), starts.end(), 0);
    for (const auto& row : rows) ++starts[digit(row) + 1];
    for (std::size_t i = 1; i <= kDigits; ++i) starts[i] += starts[i - 1];
    for (const auto& row : rows) spare[starts[digit(row)]++] = row;
    rows.swap(spare);
  }
}

// Rows of the same id added up into one, in place, ordered by id: `absorb(sum, row)` adds each
// later row into the first of its id. Sorting and merging costs a third of a hash map's node per
// subject.
template <class Row, class Absorb>
void add_up_by_id(std::vector<Row>& rows, std::vector<Row>& spare, const Absorb& absorb) {
  sort_by_id(rows, spare);
  auto sums_end = rows.begin();
  for (auto row = rows.begin(); row != rows.end(); ++row) {
    if (sums_end != rows.begin() && (sums_end - 1)->id == row->id)
      absorb(*(sums_end - 1), *row);
    else
      *sums_end++ = *row;
  }
  rows.erase(sums_end, rows.end());
}

// `Count` row buffers that each store thread keeps from one sum to the next, empty when handed
// out: a week's rows (3 MB) gathered in fresh memory each time cost more in page faults than
// reading them. A buffer grown past kMostKept rows (a long window's millions) is let go, so a
// thread keeps at most Count × 4 MB. One at a time per thread: a second would be handed the same
// buffers.
template <class Row, std::size_t Count>
class KeptRows {
 public:
  KeptRows() : buffers_(kept()) {
    for (auto& buffer : buffers_) buffer.clear();
  }
  KeptRows(const KeptRows&) = delete;
  KeptRows& operator=(const KeptRows&) = delete;
  ~KeptRows() {
    for (auto& buffer : buffers_)
      if (buffer.capacity() > kMostKept) std::vector<Row>().swap(buffer);
  }

  std::vector<Row>& operator[](std::size_t index) { return buffers_[index]; }

 private:
  static constexpr std::size_t kMostKept = std::size_t{1} << 17;  // a week's rows at 10M airings

  static std::array<std::vector<Row>, Count>& kept() {
    thread_local std::array<std::vector<Row>, Count> buffers;
    return buffers;
  }

  std::array<std::vector<Row>, Count>& buffers_;
};

}  // namespace nicecream::store
