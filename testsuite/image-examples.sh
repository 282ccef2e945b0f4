# Shared by image-bios.test and image-uefi.test (which set $firmware):
# examples booted from x86_64-none-mkimage images under that firmware
# print their .out file and end with their status, as they do booted as
# ELF files (run-example.sh with NONE_IMAGE_FIRMWARE).  hello takes
# arguments, cxx runs constructors and destructors, interrupts installs
# its own IDT and timer and maps a page, panic ends with status 101,
# float prints through the board's printf; newlib-stdin reads the
# runner's standard input through newlib.
. "$top_srcdir/testsuite/lib.sh"
need_host_deps
examples="hello cxx interrupts panic float"
case " $TC_PACKAGES " in *" newlib "*) examples="$examples newlib-stdin" ;; esac
for ex in $examples; do
    NONE_IMAGE_FIRMWARE=$firmware sh "$top_srcdir/testsuite/run-example.sh" \
        "$top_srcdir/examples/$ex/$ex.ex" > "$WORK/$ex.log" 2>&1 ||
        { cat "$WORK/$ex.log"; fail "$ex booted from a $firmware image"; }
done
pass
