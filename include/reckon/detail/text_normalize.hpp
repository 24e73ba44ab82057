// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The first pass of reading a text (text.hpp): validate UTF-8, and build a clean copy for
// matching words — traditional characters made simplified, full-width digits and signs made
// ASCII, pinyin annotations such as 項(xiàng) removed — with a map back to the byte offsets of
// the original, so that every figure's place is reported in the text as the user gave it.

#include <reckon/decimal.hpp>
#include <reckon/error.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon::detail {

// --- code points ---------------------------------------------------------------------------------

/// Appends the UTF-8 form of a code point.
inline void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0U | (c >> 6U));
        out += static_cast<char>(0x80U | (c & 0x3FU));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0U | (c >> 12U));
        out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (c & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (c >> 18U));
        out += static_cast<char>(0x80U | ((c >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (c & 0x3FU));
    }
}

/// A CJK unified ideograph (the basic block and extension A).
[[nodiscard]] constexpr bool is_han(char32_t c) noexcept {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/// A letter of a pinyin syllable: a-z, ü and the tone-marked vowels.
[[nodiscard]] inline bool is_pinyin_letter(char32_t c) noexcept {
    if (c >= U'a' && c <= U'z') {
        return true;
    }
    static constexpr std::u32string_view marked = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
    return marked.find(c) != std::u32string_view::npos;
}

// Traditional characters that economic reports use, with their simplified forms: the pairs
// are read two characters at a time. Only for matching cue words and for labels; a figure's
// `text` is always the original bytes.
inline constexpr std::u32string_view traditional_pairs =
    U"萬万億亿個个項项噸吨續续資资實实現现佔占總总計计與与長长減减餘余約约為为爲为這这們们來来"
    U"時时國国會会對对發发經经濟济產产業业區区縣县鎮镇鄉乡農农營营稅税務务財财費费貨货幣币"
    U"銀银錢钱價价額额統统數数據据調调級级結结構构設设進进達达過过還还邊边從从後后頭头點点"
    U"際际標标準准規规劃划漲涨預预徵征積积極极強强壓压縮缩擴扩貿贸運运輸输郵邮電电話话號号"
    U"碼码網网絡络購购買买賣卖銷销廠厂礦矿鋼钢鐵铁鋁铝鎂镁鋰锂銅铜鋅锌機机廣广場场樓楼糧粮"
    U"豐丰穀谷麥麦蘭兰藥药醫医療疗衛卫護护險险養养職职員员勞劳動动學学師师歲岁兒儿婦妇齡龄"
    U"戶户遷迁處处廳厅辦办簽签協协議议證证權权貸贷儲储匯汇贏赢虧亏損损淨净幾几於于並并眾众"
    U"衆众氣气燈灯熱热爐炉煉炼燒烧節节環环質质態态綠绿誌志紀纪錄录報报導导轉转載载聯联繫系"
    U"責责擔担歷历傳传舉举屆届屬属擁拥領领觀观聲声稱称說说認认識识讓让論论討讨範范圍围繞绕"
    U"鏈链條条補补響响應应適适當当選选擇择優优勢势競竞爭争獲获勝胜戰战驗验試试組组織织團团"
    U"隊队體体係系幫帮將将該该沒没無无裡里裏里麼么樣样種种類类別别單单雙双兩两貳贰參参陸陆"
    U"圓圆週周間间鐘钟頁页擊击檔档檢检測测監监狀状況况較较閱阅讀读覽览違违則则問问題题難难"
    U"決决穩稳創创緊紧鬆松兌兑換换壇坛藝艺術术視视頻频聽听寫写書书畫画館馆園园築筑廈厦氣气"
    U"線线纜缆軌轨飛飞艦舰櫃柜臺台檯台颱台灣湾東东華华陝陕寧宁藍蓝綫线紅红黃黄順顺龍龙鳳凤"
    U"歐欧亞亚義义韓韩聖圣馬马魯鲁蘇苏滬沪閩闽贛赣晉晋遼辽雲云貴贵瓊琼粵粤錦锦綿绵億亿噸吨"
    U"車车門门開开關关來来個个鋁铝務务門门員员產产營营營营價价費费貨货資资產产銷销額额預预"
    U"齊齐劑剂濱滨縱纵橫横龜龟藥药飲饮餐餐飯饭館馆倉仓庫库儀仪錶表鍋锅鏡镜闆板導导軍军車车"
    U"輛辆駛驶騎骑驗验險险輕轻負负債债務务紛纷級级細细純纯紙纸絲丝緩缓織织績绩總总縣县廢废"
    U"棄弃剛刚剩剩創创勵励勢势匯汇廠厂厲厉參参號号嚴严圖图場场塊块墾垦壞坏夥伙奪夺獎奖婦妇"
    U"寬宽專专導导層层嶺岭幣币廣广彈弹徑径態态懷怀戲戏拋抛揮挥損损搶抢擴扩擺摆斷断於于舊旧"
    U"曬晒朧胧術术樞枢標标檢检歡欢殘残氣气決决況况淚泪湧涌滅灭滯滞漢汉濟济瀏浏灣湾煙烟牆墙"
    U"獨独環环現现產产畢毕當当發发盡尽盤盘矚瞩確确礎础禮礼禍祸種种穩稳窮穷競竞筆笔範范築筑"
    U"簡简籌筹級级約约紀纪純纯紐纽線线練练組组細细終终經经綜综維维網网緣缘編编縮缩總总績绩"
    U"繁繁織织繪绘繳缴罰罚羅罗義义習习聯联聲声職职聽听肅肃脅胁腦脑臨临舉举艱艰莊庄華华萬万"
    U"葉叶蓋盖藥药處处號号蟲虫衛卫衝冲補补裝装製制複复襲袭規规視视覺觉覽览觸触計计訂订"
    U"記记訪访設设許许評评診诊詞词試试詳详誠诚話话認认語语誤误說说誰谁課课調调談谈請请諸诸"
    U"講讲謀谋謝谢證证識识譜谱議议護护讀读變变讓让豐丰貝贝負负財财責责貧贫貨货販贩貫贯貴贵"
    U"買买貸贷費费貿贸資资賈贾賓宾賞赏賠赔賣卖質质賬账購购賽赛贈赠趕赶趨趋跡迹踐践軌轨軟软"
    U"較较載载輔辅輕轻輪轮輸输轉转辦办農农邊边遞递遠远適适遲迟遷迁選选遺遗郵邮鄉乡鄭郑醫医"
    U"釋释針针鈔钞鈞钧鉅巨銀银銷销鋪铺錄录錢钱錯错鍵键鍾钟鎮镇鏈链鐘钟長长門门開开閒闲間间"
    U"閘闸閣阁闊阔關关闡阐陣阵陰阴陳陈陸陆陽阳隊队階阶隨随險险隱隐隸隶難难雙双雜杂雞鸡離离"
    U"電电靈灵韌韧韓韩頂顶項项順顺須须預预領领頻频題题額额顏颜類类顧顾顯显風风飛飞餘余館馆"
    U"馬马駐驻驗验體体髮发鬥斗魚鱼鳥鸟鹽盐麗丽黨党齒齿龍龙劃划優优傭佣債债傾倾僅仅價价億亿"
    U"儘尽兒儿內内兩两冊册凍冻劉刘則则剋克動动務务勝胜勞劳區区協协卻却壓压廳厅厭厌";

/// The simplified form of a traditional character, or the character itself.
[[nodiscard]] inline char32_t simplified(char32_t c) {
    if (!is_han(c)) {
        return c;
    }
    // One entry per character of the basic block: a direct lookup.
    static const std::vector<char32_t> table = [] {
        std::vector<char32_t> t(0x9FFF - 0x3400 + 1, 0);
        for (std::size_t i = 0; i + 1 < traditional_pairs.size(); i += 2) {
            const char32_t from = traditional_pairs[i];
            if (from != traditional_pairs[i + 1] && t[from - 0x3400] == 0) {
                t[from - 0x3400] = traditional_pairs[i + 1];
            }
        }
        return t;
    }();
    const char32_t to = table[c - 0x3400];
    return to == 0 ? c : to;
}

/// The ASCII form of a full-width form, a few dashes and spaces; the full-width comma stays
/// (in Chinese text it is punctuation, never a thousands separator).
[[nodiscard]] constexpr char32_t narrowed(char32_t c) noexcept {
    if (c >= 0xFF01 && c <= 0xFF5E && c != 0xFF0C) {
        return c - 0xFEE0;
    }
    switch (c) {
    case 0x2212: // minus sign
    case 0x2012:
    case 0x2013: // en dash
        return U'-';
    case 0x3000: // ideographic space
    case 0x00A0: // no-break space
    case 0x2009:
    case 0x202F: return U' ';
    case 0x200B: // zero-width space and joiners: dropped
    case 0x200C:
    case 0x200D:
    case 0xFEFF: return 0;
    case U'\r': return 0;
    case U'\t': return U' ';
    default: return c;
    }
}

// --- the clean text and its map to the original ------------------------------------------------

/// A cleaned copy of a text with a map from its byte offsets to the original's. When cleaning
/// changes nothing (the common case), there is no copy: the clean text is the text itself, so
/// the text must outlive its clean_text (`make` takes no temporary string).
class clean_text {
public:
    /// The text used for matching: UTF-8, simplified, narrowed, pinyin removed.
    [[nodiscard]] std::string_view str() const noexcept { return view_; }

    /// The original offset where a piece that starts at clean offset `c` starts (after any
    /// noise removed just before it).
    [[nodiscard]] std::size_t begin_offset(std::size_t c) const {
        const mark& m = at(c);
        return m.clean == c ? m.orig + m.gap : m.orig + m.gap + (c - m.clean);
    }

    /// The original offset where a piece that ends at clean offset `c` ends (before any noise
    /// removed just after it).
    [[nodiscard]] std::size_t end_offset(std::size_t c) const {
        const mark& m = at(c);
        return m.clean == c ? m.orig : m.orig + m.gap + (c - m.clean);
    }

    /// Builds the clean text of `text`, of at most `max_source_bytes` (4 GiB: its offsets are
    /// 32-bit); throws input_error (with line and column) on invalid UTF-8, or for a longer
    /// text. It views `text` when cleaning changes nothing.
    static clean_text make(std::string_view text, const std::string& source) {
        if (text.size() > max_clean_bytes) {
            throw input_error(source, max_clean_bytes,
                              "a text longer than 4 GiB (places are 32-bit byte offsets)");
        }
        clean_text out;
        out.marks_.push_back({0, 0, 0});
        // The text as it is, until cleaning changes a byte: then the copy starts. The bytes
        // kept as they are since the last change, text[kept_from, i), are copied in one piece
        // at the next change (or at the end), not a character at a time.
        bool copying = false;
        std::size_t kept_from = 0;
        auto flush_before = [&](std::size_t at_offset) {
            if (!copying) {
                out.clean_.reserve(text.size());
                copying = true;
            }
            out.clean_.append(text.data() + kept_from, at_offset - kept_from);
        };
        std::size_t i = 0;
        char32_t last_emitted = 0;
        auto plain_ascii = [](char ch) {
            // As it is, and no pinyin annotation may start at it.
            return static_cast<unsigned char>(ch) < 0x80 && ch != '\r' && ch != '\t' && ch != '(';
        };
        const auto& stays = stays_as_it_is();
        while (i < text.size()) {
            // The common cases at once: a run of plain ASCII, kept whole; a three-byte
            // character that stays as it is (a Han character, CJK punctuation).
            if (plain_ascii(text[i])) {
                std::size_t j = i + 1;
                while (j < text.size() && plain_ascii(text[j])) {
                    ++j;
                }
                last_emitted = static_cast<unsigned char>(text[j - 1]);
                i = j;
                continue;
            }
            if (const auto b0 = static_cast<unsigned char>(text[i]);
                (b0 & 0xF0U) == 0xE0U && text.size() - i >= 3) {
                const auto b1 = static_cast<unsigned char>(text[i + 1]);
                const auto b2 = static_cast<unsigned char>(text[i + 2]);
                const char32_t c = (static_cast<char32_t>(b0 & 0x0FU) << 12U) |
                                   (static_cast<char32_t>(b1 & 0x3FU) << 6U) |
                                   static_cast<char32_t>(b2 & 0x3FU);
                // (Valid: continuation bytes, not overlong, not a surrogate. No pinyin
                // annotation starts at it: a full-width bracket does not stay.)
                if ((b1 & 0xC0U) == 0x80U && (b2 & 0xC0U) == 0x80U && c >= 0x800 &&
                    (c < 0xD800 || c > 0xDFFF) && stays[c]) {
                    last_emitted = c;
                    i += 3;
                    continue;
                }
            }
            const code_point cp = decode_utf8(text, i);
            if (cp.length == 0) {
                const auto [line, column] = line_and_column(text, i);
                throw input_error(source, i, "invalid UTF-8", line, column);
            }
            // A pinyin annotation right after a Han character: `項(xiàng)`.
            if ((cp.value == U'(' || cp.value == U'\uFF08') && is_han(last_emitted)) {
                const std::size_t skip = pinyin_annotation(text, i);
                if (skip != 0) {
                    flush_before(i);
                    out.gap(i, skip);
                    i += skip;
                    kept_from = i;
                    continue;
                }
            }
            if (cp.value < 0x80 && cp.value != U'\r' && cp.value != U'\t') {
                last_emitted = cp.value; // plain ASCII: as it is
                ++i;
                continue;
            }
            char32_t c = narrowed(cp.value);
            c = simplified(c);
            if (c == cp.value) {
                last_emitted = c; // as it is: no re-encoding
            } else if (c == 0) {
                flush_before(i);
                out.gap(i, cp.length);
                kept_from = i + cp.length;
            } else {
                flush_before(i);
                const std::size_t before = out.clean_.size();
                append_utf8(out.clean_, c);
                const std::size_t written = out.clean_.size() - before;
                if (written != cp.length) {
                    out.replaced(before, i, written, cp.length);
                }
                last_emitted = c;
                kept_from = i + cp.length;
            }
            i += cp.length;
        }
        if (copying) {
            flush_before(text.size());
        }
        out.own_ = copying;
        out.view_ = copying ? std::string_view(out.clean_) : text;
        return out;
    }
    /// Not of a temporary string: the clean text may view it.
    static clean_text make(std::string&& text, const std::string& source) = delete;

    clean_text(const clean_text&) = delete; // (its view may point into its own copy)
    clean_text& operator=(const clean_text&) = delete;
    clean_text(clean_text&& other) noexcept { *this = std::move(other); }
    clean_text& operator=(clean_text&& other) noexcept {
        clean_ = std::move(other.clean_);
        marks_ = std::move(other.marks_);
        last_mark_ = other.last_mark_;
        own_ = other.own_;
        view_ = own_ ? std::string_view(clean_) : other.view_;
        return *this;
    }
    ~clean_text() = default;

private:
    clean_text() = default;

    static constexpr std::size_t max_clean_bytes = 0xffffffffU; // max_source_bytes

    struct mark {
        std::uint32_t clean; // at this clean offset,
        std::uint32_t orig;  // the original is here, and
        std::uint32_t gap;   // this many original bytes were dropped right before it
    };

    [[nodiscard]] const mark& at(std::size_t c) const {
        // Asked in text order, mostly: the mark of the last answer, or the next, usually is
        // the one; else a binary search.
        const std::size_t k = last_mark_;
        if (marks_[k].clean <= c) {
            if (k + 1 == marks_.size() || c < marks_[k + 1].clean) {
                return marks_[k];
            }
            if (k + 2 == marks_.size() || c < marks_[k + 2].clean) {
                last_mark_ = k + 1;
                return marks_[k + 1];
            }
        }
        auto it = std::upper_bound(marks_.begin(), marks_.end(), c,
                                   [](std::size_t v, const mark& m) { return v < m.clean; });
        last_mark_ = static_cast<std::size_t>(it - marks_.begin()) - 1;
        return *(it - 1);
    }

    // The original offset of the clean text's current end.
    [[nodiscard]] std::size_t orig_here() const {
        const mark& m = marks_.back();
        return m.orig + m.gap + (clean_.size() - m.clean);
    }

    void gap(std::size_t orig_at, std::size_t length) {
        const std::size_t c = clean_.size();
        if (marks_.back().clean == c) {
            marks_.back().gap += static_cast<std::uint32_t>(length);
        } else {
            marks_.push_back({static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(orig_at),
                              static_cast<std::uint32_t>(length)});
        }
    }

    void replaced(std::size_t clean_at, std::size_t orig_at, std::size_t written,
                  std::size_t original) {
        if (marks_.back().clean != clean_at) {
            marks_.push_back(
                {static_cast<std::uint32_t>(clean_at), static_cast<std::uint32_t>(orig_at), 0});
        }
        marks_.push_back({static_cast<std::uint32_t>(clean_at + written),
                          static_cast<std::uint32_t>(orig_at + original), 0});
    }

    // Per code point of the basic plane: whether cleaning keeps it as it is (neither narrowed,
    // simplified nor dropped).
    static const std::vector<bool>& stays_as_it_is() {
        static const std::vector<bool> table = [] {
            std::vector<bool> t(0x10000, false);
            for (char32_t c = 0; c < 0x10000; ++c) {
                t[c] = simplified(narrowed(c)) == c;
            }
            return t;
        }();
        return table;
    }

    // The byte length of a pinyin annotation `(xiàng)` starting at text[i], or 0.
    static std::size_t pinyin_annotation(std::string_view text, std::size_t i) {
        std::size_t j = i + decode_utf8(text, i).length;
        std::size_t letters = 0;
        while (j < text.size() && letters <= 7) {
            const code_point cp = decode_utf8(text, j);
            if (cp.length == 0) {
                return 0;
            }
            if (cp.value == U')' || cp.value == U'\uFF09') {
                return letters >= 1 ? j + cp.length - i : 0;
            }
            if (!is_pinyin_letter(cp.value)) {
                return 0;
            }
            ++letters;
            j += cp.length;
        }
        return 0;
    }

    // The line and column (from 1, in characters) of text[i], all valid UTF-8 before it: found
    // when an error needs them, not counted along the way.
    static std::pair<std::size_t, std::size_t> line_and_column(std::string_view text,
                                                               std::size_t i) {
        const std::string_view before = text.substr(0, i);
        const std::size_t line =
            1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
        const std::size_t line_start =
            before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
        std::size_t column = 1;
        for (std::size_t k = line_start; k < i; ++k) {
            if ((static_cast<unsigned char>(text[k]) & 0xC0U) != 0x80U) {
                ++column;
            }
        }
        return {line, column};
    }

    std::string clean_;     // the copy, when cleaning changed a byte
    std::string_view view_; // clean_, or the text itself
    bool own_ = false;      // view_ is clean_
    std::vector<mark> marks_;
    mutable std::size_t last_mark_ = 0; // where `at` answered last
};

} // namespace reckon::detail
