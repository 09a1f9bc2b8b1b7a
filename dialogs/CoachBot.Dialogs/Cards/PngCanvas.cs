using System.Buffers.Binary;
using System.IO.Compression;

namespace CoachBot.Dialogs.Cards;

/// <summary>
/// A small RGB canvas that draws rectangles, lines, dots and digits, and writes itself as a PNG (8-bit truecolour,
/// zlib-compressed scanlines, no filter). Enough for the progress chart without a native graphics library; the
/// output is the same bytes on every machine.
/// </summary>
internal sealed class PngCanvas
{
    // 3x5 pixel digits, one row per string (bit 2 = left column).
    private static readonly int[][] Digits =
    [
        [7, 5, 5, 5, 7], [2, 6, 2, 2, 7], [7, 1, 7, 4, 7], [7, 1, 7, 1, 7], [5, 5, 7, 1, 1],
        [7, 4, 7, 1, 7], [7, 4, 7, 5, 7], [7, 1, 1, 1, 1], [7, 5, 7, 5, 7], [7, 5, 7, 1, 7],
    ];

    private static readonly uint[] CrcTable = MakeCrcTable();
    private readonly byte[] _pixels;

    public PngCanvas(int width, int height, (byte R, byte G, byte B) background)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        _pixels = new byte[width * height * 3];
        FillRectangle(0, 0, width, height, background);
    }

    public int Width { get; }

    public int Height { get; }

    public void SetPixel(int x, int y, (byte R, byte G, byte B) color)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
        {
            return;
        }

        var i = ((y * Width) + x) * 3;
        _pixels[i] = color.R;
        _pixels[i + 1] = color.G;
        _pixels[i + 2] = color.B;
    }

    public (byte R, byte G, byte B) GetPixel(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return (_pixels[i], _pixels[i + 1], _pixels[i + 2]);
    }

    public void FillRectangle(int x, int y, int width, int height, (byte R, byte G, byte B) color)
    {
        for (var row = y; row < y + height; row++)
        {
            for (var column = x; column < x + width; column++)
            {
                SetPixel(column, row, color);
            }
        }
    }

    /// <summary>A line <paramref name="thickness"/> pixels wide (Bresenham, drawn as squares).</summary>
    public void Line(int x0, int y0, int x1, int y1, int thickness, (byte R, byte G, byte B) color)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, error = dx + dy;
        while (true)
        {
            FillRectangle(x0 - (thickness / 2), y0 - (thickness / 2), thickness, thickness, color);
            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            var twice = 2 * error;
            if (twice >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (twice <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    /// <summary>A filled dot of <paramref name="radius"/> pixels.</summary>
    public void Dot(int cx, int cy, int radius, (byte R, byte G, byte B) color)
    {
        for (var y = -radius; y <= radius; y++)
        {
            for (var x = -radius; x <= radius; x++)
            {
                if ((x * x) + (y * y) <= radius * radius)
                {
                    SetPixel(cx + x, cy + y, color);
                }
            }
        }
    }

    /// <summary>A whole number in 3x5 digits scaled by <paramref name="scale"/>; (x, y) is the top left.</summary>
    public void Number(int value, int x, int y, int scale, (byte R, byte G, byte B) color)
    {
        foreach (var ch in value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            var rows = Digits[ch - '0'];
            for (var row = 0; row < 5; row++)
            {
                for (var column = 0; column < 3; column++)
                {
                    if ((rows[row] & (4 >> column)) != 0)
                    {
                        FillRectangle(x + (column * scale), y + (row * scale), scale, scale, color);
                    }
                }
            }

            x += 4 * scale;
        }
    }

    /// <summary>The PNG file.</summary>
    public byte[] ToPng()
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        WriteChunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < Height; y++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(_pixels, y * Width * 3, Width * 3);
                }
            }

            WriteChunk(output, "IDAT", compressed.ToArray());
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeBytes.Concat(data))
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        var crcBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc ^ 0xFFFFFFFFu);
        output.Write(crcBytes);
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
