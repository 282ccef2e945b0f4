/* Struct copies and zeroing: 16-byte moves use SSE registers by default. */
struct packet {
    unsigned long header[4];
    unsigned char payload[96];
};

void copy_packet(struct packet *dst, const struct packet *src)
{
    *dst = *src;
}

void clear_packet(struct packet *p)
{
    *p = (struct packet){0};
}

struct pair { long a, b; };
struct pair swap_pair(struct pair p)
{
    return (struct pair){p.b, p.a};
}
