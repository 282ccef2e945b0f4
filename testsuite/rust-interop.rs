// The Rust half of rust-interop.test (the soft-float ABI): compiled by rustc for
// x86_64-unknown-none as a #![no_core] crate (no rust-std needed), linked
// with rust-interop.c built by x86_64-none-gcc, run in QEMU.  Every function
// here either hands its arguments back in another order (so a value in the
// wrong register shows) or computes with them (so rustc's calls into the
// kit's libgcc soft-fp routines are exercised too).
#![feature(no_core, lang_items, c_variadic)]
#![no_core]
#![no_std]
#![allow(internal_features)]
#![crate_type = "staticlib"]

#[lang = "pointee_sized"] pub trait PointeeSized {}
#[lang = "meta_sized"] pub trait MetaSized: PointeeSized {}
#[lang = "sized"] pub trait Sized: MetaSized {}
#[lang = "copy"] pub trait Copy {}
#[lang = "add"] pub trait Add<Rhs = Self> { type Output; fn add(self, rhs: Rhs) -> Self::Output; }
#[lang = "sub"] pub trait Sub<Rhs = Self> { type Output; fn sub(self, rhs: Rhs) -> Self::Output; }
#[lang = "mul"] pub trait Mul<Rhs = Self> { type Output; fn mul(self, rhs: Rhs) -> Self::Output; }
#[lang = "div"] pub trait Div<Rhs = Self> { type Output; fn div(self, rhs: Rhs) -> Self::Output; }
#[lang = "neg"] pub trait Neg { type Output; fn neg(self) -> Self::Output; }

macro_rules! arith { ($($t:ty)*) => { $(
    impl Copy for $t {}
    impl Add for $t { type Output = $t; fn add(self, r: $t) -> $t { self + r } }
    impl Sub for $t { type Output = $t; fn sub(self, r: $t) -> $t { self - r } }
    impl Mul for $t { type Output = $t; fn mul(self, r: $t) -> $t { self * r } }
    impl Div for $t { type Output = $t; fn div(self, r: $t) -> $t { self / r } }
)* } }
arith!(f32 f64 i32 i64 u32 u64);
impl Neg for f64 { type Output = f64; fn neg(self) -> f64 { -self } }

#[repr(C)] pub struct F2 { pub a: f32, pub b: f32 }
#[repr(C)] pub struct D2 { pub a: f64, pub b: f64 }
#[repr(C)] pub struct Mix { pub a: f32, pub b: i32, pub c: f64 }
#[repr(C)] pub struct D3 { pub a: f64, pub b: f64, pub c: f64 }
impl Copy for F2 {}
impl Copy for D2 {}
impl Copy for Mix {}
impl Copy for D3 {}

extern "C" {
    fn c_f2(x: F2) -> F2;
    fn c_d2(x: D2) -> D2;
    fn c_mix(x: Mix) -> Mix;
    fn c_d3(x: D3) -> D3;
    fn c_many(a: i32, x: f32, b: i64, y: f64, c: u8, z: f32, d: i64, w: f64,
              e: i32, v: f64, f: i64, u: f32, g: i16, t: f64) -> f64;
    fn c_sum_doubles(n: i32, ...) -> f64;
}

// Scalars: values swap places, so a float read from the wrong register
// shows.
#[no_mangle] pub extern "C" fn rs_scalars(a: f32, b: f64, c: i32, d: f32) -> f64 {
    (a as f64) * 1000.0 + b + (c as f64) / 4.0 - (d as f64)
}
#[no_mangle] pub extern "C" fn rs_ret_f32(a: i64, b: f32) -> f32 { b * 2.0 + a as f32 }

// Aggregates, both ways: rs_* call the C function of the same shape and
// then rearrange its answer.
#[no_mangle] pub extern "C" fn rs_f2(x: F2) -> F2 {
    let y = unsafe { c_f2(F2 { a: x.b, b: x.a }) };
    F2 { a: y.a + 0.5, b: y.b * 2.0 }
}
#[no_mangle] pub extern "C" fn rs_d2(x: D2) -> D2 {
    let y = unsafe { c_d2(D2 { a: x.b, b: x.a }) };
    D2 { a: y.a - 1.0, b: y.b / 4.0 }
}
#[no_mangle] pub extern "C" fn rs_mix(x: Mix) -> Mix {
    let y = unsafe { c_mix(Mix { a: x.a * 3.0, b: x.b + 1, c: x.c }) };
    Mix { a: y.a, b: y.b * 2, c: y.c + 0.25 }
}
#[no_mangle] pub extern "C" fn rs_d3(x: D3) -> D3 {
    let y = unsafe { c_d3(D3 { a: x.c, b: x.a, c: x.b }) };
    D3 { a: y.a + y.b, b: y.b, c: y.c * y.c }
}

// More than six arguments, integers and floats interleaved.
#[no_mangle] pub extern "C" fn rs_many(a: i32, x: f32, b: i64, y: f64, c: u8, z: f32,
        d: i64, w: f64, e: i32, v: f64, f: i64, u: f32, g: i16, t: f64) -> f64 {
    unsafe { c_many(a, x, b, y, c, z, d, w, e, v, f, u, g, t) }
}

// Callbacks: C hands Rust a C function, Rust hands C a Rust one.
#[no_mangle] pub extern "C" fn rs_apply(f: extern "C" fn(f64, f32, i32) -> f64,
        x: f64, y: f32, n: i32) -> f64 {
    f(x, y, n) + f(y as f64, x as f32, n + 1)
}
extern "C" fn rs_callback(x: f64, y: f32, n: i32) -> f64 { x * (n as f64) + y as f64 }
#[no_mangle] pub extern "C" fn rs_get_callback() -> extern "C" fn(f64, f32, i32) -> f64 {
    rs_callback
}

// A Rust-to-C variadic call (doubles, then integers after them).
#[no_mangle] pub extern "C" fn rs_variadic(x: f64) -> f64 {
    unsafe { c_sum_doubles(4, x, 2.5f64, -x, 1e300f64) }
}

// Conversions Rust performs with the kit's libgcc (fptosi/sitofp libcalls).
#[no_mangle] pub extern "C" fn rs_convert(x: f64, n: i64, m: u64, f: f32) -> i64 {
    (x as i64) + ((n as f64) as i64) + ((m as f32) as i64) + ((f as f64 * 2.0) as i32 as i64)
}
