#include <reckon/reckon.hpp>

#include <iostream>

int main() {
    reckon::report r{"xining"};
    r.add("funds", "148.2", "亿元", "funds arrived");
    r.add("continued", "119.4", "亿元", "for continued projects");
    r.add("new", "28.8", "亿元", "for new projects");
    r.add("continued_share", "80.6", "%");
    r.add("new_share", "19.6", "%"); // a misprint: 28.8 / 148.2 is 19.43 %
    r.sum("funds", {"continued", "new"});
    r.share("continued_share", "continued", "funds");
    r.share("new_share", "new", "funds");
    for (const auto& f : reckon::audit(r).findings) {
        std::cout << reckon::to_string(f.verdict) << ": " << f.message << '\n';
    }
}
