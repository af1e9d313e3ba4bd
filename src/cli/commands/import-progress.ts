/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per tenth otherwise). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return ({ rowsDone, rowsTotal, rejected }: { rowsDone: number; rowsTotal: number; rejected: number }) => {
    const share = rowsTotal > 0 ? Math.min(1, rowsDone / rowsTotal) : 0;
    const width = 30;
    const filled = Math.round(share * width);
    const text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${rowsDone}/${rowsTotal} rows, ${rejected} rejected`;
    if (stream.isTTY) {
      stream.write(`\r${text}`);
      if (share >= 1) stream.write('\n');
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`${text}\n`);
    }
  };
}
