/* newlib-stdin: standard input on the QEMU board.  x86_64-none-run feeds
 * its standard input to the serial console and then signals end of file;
 * newlib's stdio reads it through the system layer's read().  Each line
 * comes back numbered and upper-cased, then a count; sscanf parses the
 * numbers on a "sum" line. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char line[256];
    int lines = 0;
    size_t bytes = 0;
    while (fgets(line, sizeof line, stdin)) {
        lines++;
        bytes += strlen(line);
        int a, b;
        if (sscanf(line, "sum %d %d", &a, &b) == 2) {
            printf("%d: %d + %d = %d\n", lines, a, b, a + b);
            continue;
        }
        for (char *c = line; *c; c++)
            *c = (char)toupper((unsigned char)*c);
        printf("%d: %s", lines, line);
    }
    printf("%d lines, %zu bytes, end of file: %s\n", lines, bytes, feof(stdin) ? "yes" : "no");
    return lines == 0;
}
