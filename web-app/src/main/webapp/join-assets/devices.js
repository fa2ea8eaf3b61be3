// Cameras, microphones and speakers: the lists to choose from, a stream from the chosen ones, and a
// level meter that shows the microphone is heard.

/** Fills the selects ({camera, microphone, speaker}; any may be missing) with this browser's devices. */
export async function listDevices(selects) {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const kinds = { camera: 'videoinput', microphone: 'audioinput', speaker: 'audiooutput' };
  for (const [name, select] of Object.entries(selects)) {
    if (!select) continue;
    const chosen = select.value;
    const found = devices.filter((d) => d.kind === kinds[name]);
    select.replaceChildren(...found.map((d, i) => {
      const option = new Option(d.label || `${name} ${i + 1}`, d.deviceId);
      option.selected = d.deviceId === chosen;
      return option;
    }));
    select.disabled = found.length === 0;
  }
}

/** A stream from the chosen camera and microphone (either id empty: the browser's default). */
export function openStream(cameraId, microphoneId) {
  return navigator.mediaDevices.getUserMedia({
    audio: microphoneId ? { deviceId: { exact: microphoneId } } : true,
    video: cameraId ? { deviceId: { exact: cameraId } } : true,
  });
}

/** Shows the stream's microphone level in the meter until the returned function is called. */
export function levelMeter(stream, meter) {
  if (!stream.getAudioTracks().length) return () => {};
  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  audio.createMediaStreamSource(stream).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  let running = true;
  const tick = () => {
    if (!running) return;
    analyser.getByteTimeDomainData(samples);
    let peak = 0;
    for (const s of samples) peak = Math.max(peak, Math.abs(s - 128) / 128);
    meter.value = peak;
    requestAnimationFrame(tick);
  };
  tick();
  return () => {
    running = false;
    audio.close();
  };
}

/** Sends the page's sound to the chosen speaker, where the browser lets a page choose. */
export function useSpeaker(deviceId) {
  document.querySelectorAll('video').forEach((v) => {
    if (deviceId && typeof v.setSinkId === 'function') v.setSinkId(deviceId).catch(() => {});
  });
}
