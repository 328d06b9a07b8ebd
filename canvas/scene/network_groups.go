package scene

import "math"

// disc is a circle around a node: a member's room in its group, or the
// room a non-member keeps clear.
type disc struct {
	c Point
	r float32
}

// groupCell is the grid step (in points) of the field groupOutline contours.
const groupCell = 4

// groupOutline returns the outline of a group of nodes (members) that
// encloses every member and no other node (others): the boundary of the
// discs around the members joined along the shortest links between them
// (a spanning tree), with a clearing around each other node. It is the
// zero contour of that field on a grid (marching squares), so a
// non-member between two members cuts a notch or a hole, or splits the
// group, rather than being drawn inside it. Outer loops come first; holes
// are the loops with no member in them.
func groupOutline(members, others []disc, bridge float32) (outer, holes [][]Point) {
	if len(members) == 0 {
		return nil, nil
	}
	segs := spanningTree(members)
	minX, minY := float32(math.MaxFloat32), float32(math.MaxFloat32)
	maxX, maxY := -minX, -minY
	for _, m := range members {
		minX, maxX = min(minX, m.c.X-m.r), max(maxX, m.c.X+m.r)
		minY, maxY = min(minY, m.c.Y-m.r), max(maxY, m.c.Y+m.r)
	}
	x0, y0 := minX-2*groupCell, minY-2*groupCell
	nx := int((maxX-minX)/groupCell) + 5
	ny := int((maxY-minY)/groupCell) + 5
	// The field, shape by shape over the grid points each can reach (a
	// point no member shape reaches stays outside): a few thousand
	// distances per group instead of every shape at every point.
	const outside = -4 * groupCell
	w, h := nx+1, ny+1
	v := make([]float32, w*h)
	for i := range v {
		v[i] = outside
	}
	gx := func(x float32) int { return int((x - x0) / groupCell) }
	gy := func(y float32) int { return int((y - y0) / groupCell) }
	// paint visits the grid points of a box (clipped, off the border row).
	paint := func(minX, minY, maxX, maxY float32, f func(i int, p Point)) {
		for j := max(gy(minY), 1); j <= min(gy(maxY)+1, ny-1); j++ {
			for i := max(gx(minX), 1); i <= min(gx(maxX)+1, nx-1); i++ {
				f(j*w+i, Point{x0 + float32(i)*groupCell, y0 + float32(j)*groupCell})
			}
		}
	}
	const reach = 2 * groupCell
	for _, m := range members {
		paint(m.c.X-m.r-reach, m.c.Y-m.r-reach, m.c.X+m.r+reach, m.c.Y+m.r+reach, func(i int, p Point) {
			v[i] = max(v[i], m.r-dist(p, m.c))
		})
	}
	for _, sg := range segs {
		a, b := members[sg[0]].c, members[sg[1]].c
		paint(min(a.X, b.X)-bridge-reach, min(a.Y, b.Y)-bridge-reach, max(a.X, b.X)+bridge+reach, max(a.Y, b.Y)+bridge+reach, func(i int, p Point) {
			v[i] = max(v[i], bridge-distToSegment(p, a, b))
		})
	}
	for _, o := range others {
		paint(o.c.X-o.r-reach, o.c.Y-o.r-reach, o.c.X+o.r+reach, o.c.Y+o.r+reach, func(i int, p Point) {
			v[i] = min(v[i], dist(p, o.c)-o.r)
		})
	}
	at := func(i, j int) float32 { return v[j*w+i] }
	loops := marchingSquares(nx, ny, at, func(i, j int) Point { return Point{x0 + float32(i)*groupCell, y0 + float32(j)*groupCell} })
	for _, l := range loops {
		in := false
		for _, m := range members {
			in = in || pointInPolygon(m.c, l)
		}
		if in {
			outer = append(outer, l)
		} else {
			holes = append(holes, l)
		}
	}
	return outer, holes
}

// spanningTree links the discs by the shortest links (Prim).
func spanningTree(ds []disc) [][2]int {
	n := len(ds)
	if n < 2 {
		return nil
	}
	in := make([]bool, n)
	best := make([]float32, n)
	from := make([]int, n)
	for i := range best {
		best[i] = float32(math.MaxFloat32)
	}
	best[0] = 0
	var out [][2]int
	for k := 0; k < n; k++ {
		u := -1
		for i := 0; i < n; i++ {
			if !in[i] && (u < 0 || best[i] < best[u]) {
				u = i
			}
		}
		in[u] = true
		if k > 0 {
			out = append(out, [2]int{from[u], u})
		}
		for i := 0; i < n; i++ {
			if d := dist(ds[u].c, ds[i].c); !in[i] && d < best[i] {
				best[i], from[i] = d, u
			}
		}
	}
	return out
}

func dist(a, b Point) float32 {
	return float32(math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)))
}

func distToSegment(p, a, b Point) float32 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := float32(0)
	if l := dx*dx + dy*dy; l > 0 {
		t = max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l))
	}
	return dist(p, Point{a.X + t*dx, a.Y + t*dy})
}

// pointInPolygon is the even-odd rule.
func pointInPolygon(p Point, poly []Point) bool {
	in := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[i], poly[j]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}

// marchingSquares traces the closed loops where the grid values (at(i, j),
// i in 0..nx, j in 0..ny, negative on the border) change sign; pt places a
// grid point. The two saddle cases follow the mean of the cell's corners.
func marchingSquares(nx, ny int, at func(i, j int) float32, pt func(i, j int) Point) [][]Point {
	// A crossing sits on a grid edge, numbered: horizontal (i,j)-(i+1,j)
	// as j*nx+i, vertical (i,j)-(i,j+1) after those as nx*(ny+1)+j*(nx+1)+i.
	horiz := func(i, j int) int { return j*nx + i }
	vert := func(i, j int) int { return nx*(ny+1) + j*(nx+1) + i }
	cross := func(e int) Point {
		var i, j int
		var b Point
		var vb float32
		if e < nx*(ny+1) {
			i, j = e%nx, e/nx
			b, vb = pt(i+1, j), at(i+1, j)
		} else {
			e -= nx * (ny + 1)
			i, j = e%(nx+1), e/(nx+1)
			b, vb = pt(i, j+1), at(i, j+1)
		}
		a, va := pt(i, j), at(i, j)
		t := va / (va - vb)
		return Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t}
	}
	// Each crossing links to at most two others (the contour through it).
	links := make([][2]int32, nx*(ny+1)+(nx+1)*ny)
	for i := range links {
		links[i] = [2]int32{-1, -1}
	}
	var used []int
	link := func(a, b int) {
		for _, e := range [2][2]int{{a, b}, {b, a}} {
			l := &links[e[0]]
			if l[0] < 0 {
				l[0] = int32(e[1])
				used = append(used, e[0])
			} else {
				l[1] = int32(e[1])
			}
		}
	}
	for j := 0; j < ny; j++ {
		for i := 0; i < nx; i++ {
			c := 0
			if at(i, j) > 0 {
				c |= 8
			}
			if at(i+1, j) > 0 {
				c |= 4
			}
			if at(i+1, j+1) > 0 {
				c |= 2
			}
			if at(i, j+1) > 0 {
				c |= 1
			}
			if c == 0 || c == 15 {
				continue
			}
			top, bottom := horiz(i, j), horiz(i, j+1)
			left, right := vert(i, j), vert(i+1, j)
			switch c {
			case 1, 14:
				link(left, bottom)
			case 2, 13:
				link(bottom, right)
			case 3, 12:
				link(left, right)
			case 4, 11:
				link(top, right)
			case 6, 9:
				link(top, bottom)
			case 7, 8:
				link(left, top)
			case 5, 10:
				centreIn := at(i, j)+at(i+1, j)+at(i+1, j+1)+at(i, j+1) > 0
				if centreIn == (c == 5) {
					link(left, top)
					link(right, bottom)
				} else {
					link(top, right)
					link(left, bottom)
				}
			}
		}
	}
	seen := make([]bool, len(links))
	var loops [][]Point
	for _, start := range used {
		if seen[start] {
			continue
		}
		var loop []Point
		prev, cur := -1, start
		for cur >= 0 && !seen[cur] {
			seen[cur] = true
			loop = append(loop, cross(cur))
			next := -1
			for _, e := range links[cur] {
				if int(e) != prev && e >= 0 && !seen[e] {
					next = int(e)
					break
				}
			}
			prev, cur = cur, next
		}
		if len(loop) >= 3 {
			loops = append(loops, loop)
		}
	}
	sortLoops(loops)
	return loops
}

// sortLoops puts each loop in a fixed form (starting at its topmost point,
// clockwise on screen) and the loops topmost first.
func sortLoops(loops [][]Point) {
	for k, l := range loops {
		t := 0
		for i, p := range l {
			if p.Y < l[t].Y || p.Y == l[t].Y && p.X < l[t].X {
				t = i
			}
		}
		l = append(append(make([]Point, 0, len(l)), l[t:]...), l[:t]...)
		var area float32
		for i := range l {
			a, b := l[i], l[(i+1)%len(l)]
			area += a.X*b.Y - b.X*a.Y
		}
		if area < 0 {
			for i, j := 1, len(l)-1; i < j; i, j = i+1, j-1 {
				l[i], l[j] = l[j], l[i]
			}
		}
		loops[k] = l
	}
	top := func(l []Point) Point { return l[0] }
	for i := 1; i < len(loops); i++ {
		for j := i; j > 0; j-- {
			a, b := top(loops[j-1]), top(loops[j])
			if b.Y < a.Y || b.Y == a.Y && b.X < a.X {
				loops[j-1], loops[j] = loops[j], loops[j-1]
			}
		}
	}
}
