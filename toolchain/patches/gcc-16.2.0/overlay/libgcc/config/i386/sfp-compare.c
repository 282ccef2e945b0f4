/* Comparisons of float and double for the soft-float ABI (the bare-metal
   kernel variant of libgcc, see t-x86_64-none).
   Copyright (C) 2026 Free Software Foundation, Inc.

   This file is part of GCC.

   GCC is free software; you can redistribute it and/or modify it under
   the terms of the GNU General Public License as published by the Free
   Software Foundation; either version 3, or (at your option) any later
   version.

   GCC is distributed in the hope that it will be useful, but WITHOUT ANY
   WARRANTY; without even the implied warranty of MERCHANTABILITY or
   FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License
   for more details.

   Under Section 7 of GPL version 3, you are granted additional
   permissions described in the GCC Runtime Library Exception, version
   3.1, as published by the Free Software Foundation.

   You should have received a copy of the GNU General Public License and
   a copy of the GCC Runtime Library Exception along with this program;
   see the files COPYING3 and COPYING.RUNTIME respectively.  If not, see
   <http://www.gnu.org/licenses/>.  */

/* soft-fp's comparisons unpack both operands and branch on their classes.
   This variant raises no exceptions (there is no FPU state to record them
   in), so comparing the bit patterns as integers gives the same answers:
   once NaNs are out of the way, sign and magnitude turn into two's
   complement, where +0 and -0 meet at 0.  The results follow libgcc's
   contract: __eq/__ne are 0 only for equal operands, __lt/__le are
   positive and __gt/__ge negative when the operands are unordered.  */

typedef int CMPtype __attribute__ ((mode (__libgcc_cmp_return__)));
typedef int SItype __attribute__ ((mode (SI)));
typedef int DItype __attribute__ ((mode (DI)));
typedef float SFtype __attribute__ ((mode (SF)));
typedef float DFtype __attribute__ ((mode (DF)));

#define COMPARE(M, FTYPE, ITYPE, BITS, INFINITY_BITS)			\
  static inline CMPtype							\
  compare_##M (FTYPE a, FTYPE b, CMPtype unordered)			\
  {									\
    ITYPE ia, ib;							\
    __builtin_memcpy (&ia, &a, sizeof ia);				\
    __builtin_memcpy (&ib, &b, sizeof ib);				\
    ITYPE magnitude = (ITYPE) ((1ULL << ((BITS) - 1)) - 1);		\
    ITYPE ma = ia & magnitude, mb = ib & magnitude;			\
    if (__builtin_expect (ma > (INFINITY_BITS) || mb > (INFINITY_BITS), 0)) \
      return unordered;							\
    ITYPE sa = ia >> ((BITS) - 1), sb = ib >> ((BITS) - 1);		\
    ITYPE ka = (ma ^ sa) - sa, kb = (mb ^ sb) - sb;			\
    return (ka > kb) - (ka < kb);					\
  }									\
  CMPtype __eq##M##2 (FTYPE, FTYPE);					\
  CMPtype __ne##M##2 (FTYPE, FTYPE);					\
  CMPtype __lt##M##2 (FTYPE, FTYPE);					\
  CMPtype __le##M##2 (FTYPE, FTYPE);					\
  CMPtype __gt##M##2 (FTYPE, FTYPE);					\
  CMPtype __ge##M##2 (FTYPE, FTYPE);					\
  CMPtype __eq##M##2 (FTYPE a, FTYPE b) { return compare_##M (a, b, 1); } \
  CMPtype __ne##M##2 (FTYPE a, FTYPE b) { return compare_##M (a, b, 1); } \
  CMPtype __lt##M##2 (FTYPE a, FTYPE b) { return compare_##M (a, b, 1); } \
  CMPtype __le##M##2 (FTYPE a, FTYPE b) { return compare_##M (a, b, 1); } \
  CMPtype __gt##M##2 (FTYPE a, FTYPE b) { return compare_##M (a, b, -1); } \
  CMPtype __ge##M##2 (FTYPE a, FTYPE b) { return compare_##M (a, b, -1); }

COMPARE (sf, SFtype, SItype, 32, 0x7f800000)
COMPARE (df, DFtype, DItype, 64, 0x7ff0000000000000LL)
