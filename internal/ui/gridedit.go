package ui

import (
	"slices"
)

// insertRow adds an empty row after the current one (at the top when the
// header is current, at the end when no cell is) and focuses its first
// cell, or the cell below the current one when the row comes from Enter.
func (g *tableGrid) insertRow() { g.insertRowFocus(0) }

func (g *tableGrid) insertRowFocus(col int) {
	at := g.m.newRowAt()
	g.insertRows(at, [][]string{nil})
	g.changed()
	g.focus(at, col)
}

// insertRows adds rows of texts at index at.
func (g *tableGrid) insertRows(at int, texts [][]string) {
	g.m.insertRows(at, texts)
	for i := range texts {
		g.addLine(at+i, g.m.rows[at+i])
	}
	g.renumber()
	g.refreshLines()
}

// deleteRow deletes the current row, or the last when no cell is current.
func (g *tableGrid) deleteRow() {
	at, ok := g.m.deleteRow()
	if !ok {
		return
	}
	g.rows = slices.Delete(g.rows, at, at+1)
	g.numbers = slices.Delete(g.numbers, at, at+1)
	g.rowLines = slices.Delete(g.rowLines, at, at+1)
	g.refreshLines()
	g.renumber()
	g.changed()
	if g.m.row >= -1 {
		g.focus(g.m.row, max(g.m.col, 0))
	}
}

// moveRow moves the current row up (-1) or down (1).
func (g *tableGrid) moveRow(d int) {
	i, j, ok := g.m.moveRow(d)
	if !ok {
		return
	}
	g.rows[i], g.rows[j] = g.rows[j], g.rows[i]
	g.rowLines[i], g.rowLines[j] = g.rowLines[j], g.rowLines[i]
	g.numbers[i], g.numbers[j] = g.numbers[j], g.numbers[i]
	g.refreshLines()
	g.changed()
	g.focus(j, max(g.m.col, 0))
}

// insertColumn adds an empty column after the current one (at the end
// when no cell is current) and focuses its header.
func (g *tableGrid) insertColumn() {
	at := g.m.newColumnAt()
	g.insertColumns(at, 1)
	g.changed()
	g.focus(-1, at)
}

// insertColumns adds n empty columns at index at.
func (g *tableGrid) insertColumns(at, n int) {
	g.m.insertColumns(at, n)
	g.header = slices.Insert(g.header, at, g.newHeader(g.m.header[at:at+n])...)
	for i := range g.rows {
		g.rows[i] = slices.Insert(g.rows[i], at, g.newCells(g.m.rows[i][at:at+n])...)
	}
	g.refill()
}

// deleteColumn deletes the current column, or the last; a table keeps
// one column.
func (g *tableGrid) deleteColumn() {
	at, ok := g.m.deleteColumn()
	if !ok {
		return
	}
	g.header = slices.Delete(g.header, at, at+1)
	for i := range g.rows {
		g.rows[i] = slices.Delete(g.rows[i], at, at+1)
	}
	g.refill()
	g.changed()
	if g.m.col >= 0 {
		g.focus(max(g.m.row, -1), min(at, g.m.columns()-1))
	}
}

// paste puts cells copied from a spreadsheet (rows on lines, cells
// separated by tabs) into the table from the cell at row and col, adding
// rows and columns as needed.
func (g *tableGrid) paste(row, col int, cells [][]string) {
	if more, _ := g.m.pasteRoom(row, col, cells); more > 0 {
		g.insertColumns(g.m.columns(), more)
	}
	if _, more := g.m.pasteRoom(row, col, cells); more > 0 {
		g.insertRows(len(g.m.rows), make([][]string, more))
	}
	g.quiet = true
	for i, r := range cells {
		for j, text := range r {
			g.at(row+i, col+j).SetText(text)
		}
	}
	g.quiet = false
	g.reweigh()
	g.refreshLines()
	g.changed()
}
