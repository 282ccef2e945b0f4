/* Fast paths of float and double multiplication and of double-to-float
   conversion for the soft-float ABI (the kernel variant of libgcc, see
   t-x86_64-none).
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

/* soft-fp unpacks every operand into its class, sign, exponent and
   fraction, and packs the result back, whatever the values.  Most values
   are normal numbers whose result is normal too; for those the work fits
   in a few integer instructions, done here, rounding to nearest with ties
   to even (the only mode the soft-float ABI has).  Everything else (zeros,
   subnormals, infinities, NaNs, overflow, underflow) goes to soft-fp's own
   routine, compiled below under another name.  */

#include "soft-fp/soft-fp.h"
#include "soft-fp/single.h"
#include "soft-fp/double.h"

static SFtype __x86_64_none_generic_mulsf3 (SFtype, SFtype);
static DFtype __x86_64_none_generic_muldf3 (DFtype, DFtype);
static SFtype __x86_64_none_generic_truncdfsf2 (DFtype);

#define __mulsf3 __x86_64_none_generic_mulsf3
#define __muldf3 __x86_64_none_generic_muldf3
#define __truncdfsf2 __x86_64_none_generic_truncdfsf2
#include "soft-fp/mulsf3.c"
#include "soft-fp/muldf3.c"
#include "soft-fp/truncdfsf2.c"
#undef __mulsf3
#undef __muldf3
#undef __truncdfsf2

SFtype __mulsf3 (SFtype, SFtype);
DFtype __muldf3 (DFtype, DFtype);
SFtype __truncdfsf2 (DFtype);

/* Rounds KEEP (the significand, leading bit included) by the REST shifted
   out below it, HALF being half of its last place: to nearest, ties to
   even.  A carry out of the significand lands in the exponent field above
   it, which is what IEEE wants (up to infinity).  */
#define ROUND(KEEP, REST, HALF) \
  ((REST) > (HALF) || ((REST) == (HALF) && ((KEEP) & 1)))

SFtype
__mulsf3 (SFtype a, SFtype b)
{
  USItype ai, bi;
  __builtin_memcpy (&ai, &a, sizeof ai);
  __builtin_memcpy (&bi, &b, sizeof bi);
  USItype ae = ai >> 23 & 0xff, be = bi >> 23 & 0xff;
  if (__builtin_expect (ae - 1 < 0xfe && be - 1 < 0xfe, 1))
    {
      /* 24 x 24 bits: the product's leading bit is bit 46 or 47.  */
      UDItype p = (UDItype) ((ai & 0x7fffff) | 0x800000)
		  * ((bi & 0x7fffff) | 0x800000);
      int top = p >> 47;
      SItype e = (SItype) ae + (SItype) be - 127 + top;
      if (__builtin_expect (e >= 1 && e <= 254, 1))
	{
	  int shift = 23 + top;
	  USItype keep = p >> shift;
	  UDItype rest = p & ((1ULL << shift) - 1), half = 1ULL << (shift - 1);
	  USItype r = ((ai ^ bi) & 0x80000000) | ((USItype) e << 23)
		      | (keep & 0x7fffff);
	  r += ROUND (keep, rest, half);
	  SFtype result;
	  __builtin_memcpy (&result, &r, sizeof result);
	  return result;
	}
    }
  return __x86_64_none_generic_mulsf3 (a, b);
}

DFtype
__muldf3 (DFtype a, DFtype b)
{
  UDItype ai, bi;
  __builtin_memcpy (&ai, &a, sizeof ai);
  __builtin_memcpy (&bi, &b, sizeof bi);
  UDItype ae = ai >> 52 & 0x7ff, be = bi >> 52 & 0x7ff;
  if (__builtin_expect (ae - 1 < 0x7fe && be - 1 < 0x7fe, 1))
    {
      /* 53 x 53 bits: the product's leading bit is bit 104 or 105.  */
      const UDItype fraction = (1ULL << 52) - 1;
      UTItype p = (UTItype) ((ai & fraction) | (1ULL << 52))
		  * ((bi & fraction) | (1ULL << 52));
      int top = p >> 105;
      DItype e = (DItype) ae + (DItype) be - 1023 + top;
      if (__builtin_expect (e >= 1 && e <= 2046, 1))
	{
	  int shift = 52 + top;
	  UDItype keep = p >> shift;
	  UTItype rest = p & (((UTItype) 1 << shift) - 1);
	  UTItype half = (UTItype) 1 << (shift - 1);
	  UDItype r = ((ai ^ bi) & (1ULL << 63)) | ((UDItype) e << 52)
		      | (keep & fraction);
	  r += ROUND (keep, rest, half);
	  DFtype result;
	  __builtin_memcpy (&result, &r, sizeof result);
	  return result;
	}
    }
  return __x86_64_none_generic_muldf3 (a, b);
}

SFtype
__truncdfsf2 (DFtype a)
{
  UDItype ai;
  __builtin_memcpy (&ai, &a, sizeof ai);
  /* A float's biased exponent is the double's minus 1023 - 127.  */
  UDItype e = (ai >> 52 & 0x7ff) - (1023 - 127);
  if (__builtin_expect (e - 1 < 254, 1))
    {
      UDItype keep = (ai >> 29) & 0x7fffff;
      UDItype rest = ai & ((1ULL << 29) - 1), half = 1ULL << 28;
      USItype r = (USItype) (ai >> 32 & 0x80000000) | (USItype) (e << 23)
		  | (USItype) keep;
      r += ROUND (keep, rest, half);
      SFtype result;
      __builtin_memcpy (&result, &r, sizeof result);
      return result;
    }
  return __x86_64_none_generic_truncdfsf2 (a);
}
