// cxx: freestanding C++ on the QEMU board (x86_64-none-g++).
//
// Virtual functions with a pure virtual base, templates and constexpr,
// lambdas, std::array/optional/variant/span/string_view,
// std::numeric_limits and float arithmetic (the soft-float ABI), placement new,
// new/delete on the board's heap, a global object constructed before main
// and destroyed at exit, a function-local static, dynamic_cast and
// std::atomic.  Every result is checked; main returns the failure count.
#include <array>
#include <atomic>
#include <limits>
#include <new>
#include <optional>
#include <span>
#include <string_view>
#include <variant>
#include <x86_64-none/qemu.h>

static int failures;

static void check(bool ok, const char *what)
{
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    failures += !ok;
}

// ---- virtual functions, a pure virtual base, dynamic_cast
struct Shape {
    virtual ~Shape() = default;
    virtual long area() const = 0;
    virtual const char *name() const { return "shape"; }
};

struct Rect : Shape {
    long w, h;
    Rect(long w_, long h_) : w(w_), h(h_) {}
    long area() const override { return w * h; }
    const char *name() const override { return "rect"; }
};

struct Square final : Rect {
    explicit Square(long s) : Rect(s, s) {}
    const char *name() const override { return "square"; }
};

// ---- templates and constexpr
template <typename T, std::size_t N>
constexpr T sum(const std::array<T, N> &a)
{
    T s{};
    for (const T &x : a)
        s += x;
    return s;
}

constexpr unsigned long factorial(unsigned n) { return n < 2 ? 1 : n * factorial(n - 1); }
static_assert(factorial(10) == 3628800);
static_assert(sum(std::array<int, 4>{1, 2, 3, 4}) == 10);

// ---- a global object: constructed by the boot stub before main,
// destroyed by exit (the board runs __cxa_atexit's list)
struct Global {
    int value;
    Global() : value(42) {}
    ~Global() { printf("global destroyed\n"); }
};
static Global global;

// ---- a function-local static, guarded
static int constructions;
struct Counted {
    int id;
    Counted() : id(++constructions) {}
};

static Counted &instance()
{
    static Counted c;
    return c;
}

// ---- std::variant visiting
struct Describe {
    const char *operator()(int) const { return "int"; }
    const char *operator()(std::string_view) const { return "string_view"; }
};

int main()
{
    check(global.value == 42, "global constructor ran before main");

    Rect r(3, 4);
    Square sq(5);
    Shape *shapes[] = {&r, &sq};
    long total = 0;
    for (Shape *s : shapes)
        total += s->area();
    check(total == 37, "virtual calls through a pure virtual base");
    check(dynamic_cast<Square *>(shapes[1]) == &sq, "dynamic_cast to the right type");
    check(dynamic_cast<Square *>(shapes[0]) == nullptr, "dynamic_cast to the wrong type");
    check(std::string_view(shapes[1]->name()) == "square", "overridden virtual");

    std::array<long, 5> a{1, 2, 3, 4, 5};
    check(sum(a) == 15, "template over std::array");
    int base = 10;
    auto add = [base](int x) { return base + x; };
    auto twice = [](auto f, int x) { return f(f(x)); };
    check(twice(add, 1) == 21, "lambdas, generic lambda");

    static_assert(std::numeric_limits<float>::digits == 24);
    volatile float third = 1.0f / 3.0f;
    check(third * 3.0f == 1.0f && std::numeric_limits<double>::max() > 1e308 &&
              std::numeric_limits<float>::epsilon() == 0x1p-23f,
          "std::numeric_limits, float arithmetic");
    std::optional<int> none, some = 7;
    check(!none && some.value_or(0) == 7, "std::optional");
    std::variant<int, std::string_view> v = std::string_view("text");
    check(std::visit(Describe{}, v) == std::string_view("string_view"), "std::variant");
    std::span<long> tail(a.data() + 2, 3);
    check(tail.size() == 3 && tail[0] == 3 && tail.back() == 5, "std::span");
    std::string_view sv = "bare metal";
    check(sv.substr(5) == "metal" && sv.find('m') == 5, "std::string_view");

    alignas(Rect) unsigned char storage[sizeof(Rect)];
    Rect *placed = new (storage) Rect(6, 7);
    check(placed->area() == 42, "placement new");
    placed->~Rect();

    Shape *heap = new Square(9);
    check(heap->area() == 81, "new on the heap");
    delete heap;
    int *many = new int[1000];
    for (int i = 0; i < 1000; i++)
        many[i] = i;
    check(many[999] == 999, "new[] on the heap");
    delete[] many;
    struct alignas(256) Aligned {
        char c;
    };
    Aligned *al = new Aligned;
    check(reinterpret_cast<unsigned long>(al) % 256 == 0, "aligned new");
    delete al;
    int *nothrow = new (std::nothrow) int(5);
    check(nothrow && *nothrow == 5, "nothrow new");
    delete nothrow;

    instance();
    instance();
    check(constructions == 1 && instance().id == 1, "function-local static constructed once");

    std::atomic<int> counter{0};
    for (int i = 0; i < 10; i++)
        counter.fetch_add(2, std::memory_order_relaxed);
    int expected = 20;
    check(counter.compare_exchange_strong(expected, 100) && counter.load() == 100,
          "std::atomic");

    printf("%d failures\n", failures);
    return failures;
}
